using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace FtpTools.Lab;

/// <summary>A server host key: its type, "SHA256:..." fingerprint (as ssh-keygen -lf prints it) and public key file.</summary>
public sealed record LabSshHostKey(string Type, string Fingerprint, string PublicKeyPath, string PublicKey);

/// <summary>A client private key of the lab: OpenSSH or PuTTY format, with or without passphrase, authorized or not.</summary>
public sealed record LabSshClientKey(string Name, string Type, string Format, string Path, string? Passphrase, bool Authorized, string Fingerprint);

/// <summary>
/// The client keys of one lab, made fresh for every run with ssh-keygen and puttygen: OpenSSH ed25519 without passphrase,
/// OpenSSH RSA with one, PuTTY (.ppk, format 3) ECDSA without and ed25519 with one, and an ed25519 key no server accepts.
/// </summary>
public sealed class LabSshClientKeys
{
    private LabSshClientKeys(IReadOnlyList<LabSshClientKey> keys, IReadOnlyList<string> authorizedKeys)
    {
        Keys = keys;
        AuthorizedKeys = authorizedKeys;
    }

    public IReadOnlyList<LabSshClientKey> Keys { get; }

    /// <summary>authorized_keys lines (public keys of the authorized ones).</summary>
    public IReadOnlyList<string> AuthorizedKeys { get; }

    public LabSshClientKey this[string name] => Keys.First(key => key.Name == name);

    public static LabSshClientKeys Create(string directory, LabEnvironment environment)
    {
        Directory.CreateDirectory(directory);
        string passphrase = "lab-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        string passphraseFile = Path.Combine(directory, "passphrase.txt");
        File.WriteAllText(passphraseFile, passphrase + "\n");
        var keys = new List<LabSshClientKey>();
        var authorized = new List<string>();

        LabSshClientKey OpenSsh(string name, string type, string? keyPassphrase, bool isAuthorized, params string[] options)
        {
            string path = Path.Combine(directory, name);
            var arguments = new List<string> { "-q", "-t", type, "-N", keyPassphrase ?? string.Empty, "-C", "ftptools-lab " + name, "-f", path };
            arguments.AddRange(options);
            LabCommand.Run(environment.SshKeygen, null, arguments.ToArray());
            return Add(name, type, "OpenSSH", path, keyPassphrase, isAuthorized, File.ReadAllText(path + ".pub").Trim());
        }

        LabSshClientKey Putty(string name, string type, string? keyPassphrase)
        {
            // ssh-keygen makes the key, puttygen writes it as a .ppk (format 3, Argon2 when encrypted) and drops the OpenSSH file.
            string source = Path.Combine(directory, name + ".openssh");
            LabCommand.Run(environment.SshKeygen, null, "-q", "-t", type, "-N", string.Empty, "-C", "ftptools-lab " + name, "-f", source);
            string path = Path.Combine(directory, name);
            var arguments = new List<string> { source, "-O", "private", "-o", path };
            if (keyPassphrase != null)
            {
                arguments.AddRange(new[] { "--new-passphrase", passphraseFile });
            }

            LabCommand.Run(environment.Puttygen, null, arguments.ToArray());
            string publicKey = File.ReadAllText(source + ".pub").Trim();
            File.Delete(source);
            File.Delete(source + ".pub");
            return Add(name, type, "PuTTY", path, keyPassphrase, true, publicKey);
        }

        LabSshClientKey Add(string name, string type, string format, string path, string? keyPassphrase, bool isAuthorized, string publicKey)
        {
            if (isAuthorized)
            {
                authorized.Add(publicKey);
            }

            var key = new LabSshClientKey(name, type, format, path, keyPassphrase, isAuthorized, Fingerprint(publicKey));
            keys.Add(key);
            return key;
        }

        OpenSsh("id_ed25519", "ed25519", null, true);
        OpenSsh("id_rsa_passphrase", "rsa", passphrase, true, "-b", "2048");
        Putty("id_ecdsa.ppk", "ecdsa", null);
        Putty("id_ed25519_passphrase.ppk", "ed25519", passphrase);
        OpenSsh("id_ed25519_unauthorized", "ed25519", null, false);
        return new LabSshClientKeys(keys, authorized);
    }

    /// <summary>"SHA256:..." of an OpenSSH public key line ("type base64 comment").</summary>
    public static string Fingerprint(string publicKeyLine)
    {
        byte[] blob = Convert.FromBase64String(publicKeyLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
    }
}

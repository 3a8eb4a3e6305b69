using System;
using System.Security;

namespace FtpTools.Engine.Sftp
{
    /// <summary>A private key file for public-key authentication: OpenSSH (ed25519, ECDSA, RSA) or PuTTY .ppk, with its passphrase when encrypted.</summary>
    public sealed class SftpPrivateKeyFile
    {
        public SftpPrivateKeyFile(string path, SecureString? passphrase = null)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A key file path is required.", nameof(path));
            Path = path;
            Passphrase = passphrase;
        }

        public string Path { get; }

        public SecureString? Passphrase { get; }

        public override string ToString() => Path;
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace FtpTools.Lab;

/// <summary>The SSH side of a lab sshd: its host keys, a known_hosts file naming them, the client keys and the login methods.</summary>
public sealed record LabSshServer(
    IReadOnlyList<LabSshHostKey> HostKeys,
    string KnownHostsFile,
    IReadOnlyList<LabSshClientKey> ClientKeys,
    IReadOnlyList<string> AuthenticationMethods);

/// <summary>
/// OpenSSH's sshd as an SFTP-only server on loopback (after the verified sshd_config of the reference lab): host keys
/// ed25519/ecdsa/rsa made per lab, internal-sftp forced and started in the server's root directory (no chroot: sshd
/// requires root-owned chroot paths, which a folder under /tmp is not), the lab user with its password and the lab's client keys.
/// </summary>
internal static class SshdConfig
{
    /// <summary>sshd's privilege separation directory (Debian's service creates it; the lab may run without the service).</summary>
    private const string PrivilegeSeparationDirectory = "/run/sshd";

    public static (LabLaunch Launch, LabSshServer Ssh) Prepare(LabServerPlan plan)
    {
        LabSshClientKeys clientKeys = plan.SshClientKeys ?? throw new System.InvalidOperationException("sshd needs the lab's client keys");
        var hostKeys = new List<LabSshHostKey>();
        foreach ((string type, string[] options) in new[] { ("ed25519", new string[0]), ("ecdsa", new[] { "-b", "256" }), ("rsa", new[] { "-b", "2048" }) })
        {
            string path = plan.PathInServerDirectory("ssh_host_" + type + "_key");
            LabCommand.Run(plan.Environment.SshKeygen, null, new[] { "-q", "-t", type, "-N", string.Empty, "-C", "ftptools-lab " + plan.Definition.Name, "-f", path }.Concat(options).ToArray());
            string publicKey = File.ReadAllText(path + ".pub").Trim();
            hostKeys.Add(new LabSshHostKey(publicKey.Split(' ')[0], LabSshClientKeys.Fingerprint(publicKey), path + ".pub", publicKey));
        }

        string hostName = $"[{plan.Definition.Host}]:{plan.Port}";
        string knownHosts = plan.PathInServerDirectory("known_hosts");
        File.WriteAllLines(knownHosts, hostKeys.Select(key => hostName + " " + string.Join(' ', key.PublicKey.Split(' ').Take(2))));
        string authorizedKeys = plan.PathInServerDirectory("authorized_keys");
        File.WriteAllLines(authorizedKeys, clientKeys.AuthorizedKeys);

        bool keyboardInteractive = plan.Definition.KeyboardInteractiveOnly;
        string[] methods = keyboardInteractive ? new[] { "keyboard-interactive" } : new[] { "publickey", "password" };
        var conf = new StringBuilder();
        void Line(string key, string value) => conf.Append(key).Append(' ').Append(value).Append('\n');
        Line("Port", plan.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line("ListenAddress", plan.Definition.Host);
        foreach (LabSshHostKey key in hostKeys)
        {
            Line("HostKey", key.PublicKeyPath[..^4]);
        }

        Line("PidFile", plan.PathInServerDirectory("sshd.pid"));
        Line("AuthorizedKeysFile", authorizedKeys);
        // sshd checks that authorized_keys and every folder above it are not group- or world-writable; /tmp is.
        Line("StrictModes", "no");
        Line("PubkeyAuthentication", keyboardInteractive ? "no" : "yes");
        Line("PasswordAuthentication", keyboardInteractive ? "no" : "yes");
        Line("KbdInteractiveAuthentication", keyboardInteractive ? "yes" : "no");
        Line("AuthenticationMethods", keyboardInteractive ? "keyboard-interactive" : "publickey password");
        Line("PermitRootLogin", "no");
        Line("AllowUsers", plan.Account.User);
        Line("UsePAM", "yes");
        Line("MaxAuthTries", "10");
        // The load tests open 32 sessions at once; the default 10:30:100 drops some of the unauthenticated ones.
        Line("MaxStartups", "100");
        Line("UseDNS", "no");
        Line("PermitTTY", "no");
        Line("X11Forwarding", "no");
        Line("AllowTcpForwarding", "no");
        Line("AllowAgentForwarding", "no");
        Line("Subsystem", "sftp internal-sftp");
        // The lab user's shell is nologin: internal-sftp never runs it. -d: the session starts in the lab's root directory.
        Line("ForceCommand", "internal-sftp -d " + plan.RootDirectory);
        Line("LogLevel", "VERBOSE");
        string confFile = plan.PathInServerDirectory("sshd_config");
        File.WriteAllText(confFile, conf.ToString());

        Directory.CreateDirectory(PrivilegeSeparationDirectory);
        LabCommand.Run(plan.Environment.Sshd, null, "-t", "-f", confFile);
        var launch = new LabLaunch(plan.Environment.Sshd, new[] { "-D", "-e", "-f", confFile }, new Dictionary<string, string>(), null, new string[0]);
        return (launch, new LabSshServer(hostKeys, knownHosts, clientKeys.Keys, methods));
    }
}

using System;
using System.Collections.Generic;
using System.Security;
using FtpTools.Engine.Sftp.HostKeys;

namespace FtpTools.Engine.Sftp
{
    /// <summary>
    /// Everything an SFTP session is opened with; plain engine types only, so the module builds it without loading SSH.NET.
    /// The host key must be trusted through HostKeyFingerprints or KnownHostsFile: there is no trust on first use unless
    /// AcceptNewHostKey asks for it, and never a prompt.
    /// </summary>
    public sealed class SftpConnectionOptions
    {
        public const int DefaultPort = 22;

        public SftpConnectionOptions(string host, string userName)
        {
            if (string.IsNullOrWhiteSpace(host)) throw new ArgumentException("A host name or address is required.", nameof(host));
            if (string.IsNullOrEmpty(userName)) throw new ArgumentException("SFTP needs a user name.", nameof(userName));
            Host = host.Trim();
            UserName = userName;
        }

        public string Host { get; }

        /// <summary>0 means 22.</summary>
        public int Port { get; set; }

        public int EffectivePort => Port != 0 ? Port : DefaultPort;

        public string UserName { get; }

        /// <summary>Used for password and keyboard-interactive authentication; null or empty: only the keys are tried (unless there are none).</summary>
        public SecureString? Password { get; set; }

        /// <summary>Private key files (OpenSSH or PuTTY format) tried in order for public-key authentication.</summary>
        public IList<SftpPrivateKeyFile> PrivateKeyFiles { get; } = new List<SftpPrivateKeyFile>();

        /// <summary>Accepted host keys as OpenSSH prints them: "SHA256:" and 43 base64 characters (padding optional).</summary>
        public IList<string> HostKeyFingerprints { get; } = new List<string>();

        /// <summary>An OpenSSH known_hosts file (plain or hashed host names) whose keys are trusted; a missing file counts as empty.</summary>
        public string? KnownHostsFile { get; set; }

        /// <summary>Record a host key seen for the first time in KnownHostsFile (like OpenSSH's accept-new); a changed key is still refused.</summary>
        public bool AcceptNewHostKey { get; set; }

        /// <summary>Limit for the TCP connection, the key exchange and the authentication.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long one SFTP request may wait for its reply (a stalled transfer ends after this).</summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>SSH keepalive messages this often so firewalls and NAT keep an idle session; TimeSpan.Zero turns them off.</summary>
        public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Receives what the session does (connection, key exchange, host key decision, authentication, file operations); never a secret.</summary>
        public Action<FtpTraceEntry>? Trace { get; set; }

        public bool HasPassword => Password != null && Password.Length > 0;

        /// <summary>Throws ArgumentException for combinations that cannot work, before anything is sent.</summary>
        public void Validate()
        {
            if (EffectivePort < 1 || EffectivePort > 65535) throw new ArgumentException("The port must be between 1 and 65535.", nameof(Port));
            if (!HasPassword && PrivateKeyFiles.Count == 0)
                throw new ArgumentException("SFTP needs a password (-Credential) or a private key (-KeyFile) to log in with.", nameof(Password));
            foreach (var pin in HostKeyFingerprints) SshFingerprint.Parse(pin);
            if (AcceptNewHostKey && string.IsNullOrEmpty(KnownHostsFile))
                throw new ArgumentException("AcceptNewHostKey records the key in a known-hosts file: give -KnownHostsFile too.", nameof(AcceptNewHostKey));
            if (ConnectTimeout <= TimeSpan.Zero) throw new ArgumentException("The connect timeout must be positive.", nameof(ConnectTimeout));
            if (OperationTimeout <= TimeSpan.Zero) throw new ArgumentException("The operation timeout must be positive.", nameof(OperationTimeout));
            if (KeepAliveInterval < TimeSpan.Zero) throw new ArgumentException("The keepalive interval cannot be negative.", nameof(KeepAliveInterval));
        }
    }
}

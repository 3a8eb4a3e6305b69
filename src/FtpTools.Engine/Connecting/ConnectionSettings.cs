using System;
using System.Collections.Generic;
using System.Security;

namespace FtpTools.Engine.Connecting
{
    /// <summary>
    /// What a user asked for when connecting, as given (Connect-FtpServer's parameters, and Test-FtpConnection's): an address
    /// that may be a URL, the protocol's own settings, and the names of the parameters that were given, so that a setting of
    /// the other protocol can be refused by name. ConnectionPlan.From turns it into a checked plan.
    /// </summary>
    public sealed class ConnectionSettings
    {
        public ConnectionSettings(string computerName)
        {
            ComputerName = computerName ?? throw new ArgumentNullException(nameof(computerName));
        }

        /// <summary>"host", "host:port", "[::1]:port" or ftp://, ftps://, sftp://[user@]host[:port].</summary>
        public string ComputerName { get; }

        /// <summary>0: the address's port, else the protocol's default.</summary>
        public int Port { get; set; }

        /// <summary>Null: the address's scheme decides, else FTP.</summary>
        public RemoteProtocol? Protocol { get; set; }

        /// <summary>Null: the address's scheme decides, else explicit FTPS.</summary>
        public FtpEncryption? Encryption { get; set; }

        /// <summary>From -Credential; null with no credential (FTP: anonymous; SFTP: the address's user).</summary>
        public string? UserName { get; set; }

        public SecureString? Password { get; set; }

        public FtpDataConnectionMode DataConnection { get; set; } = FtpDataConnectionMode.Auto;

        public string? ActivePortRange { get; set; }

        public string? ActiveExternalAddress { get; set; }

        public bool UseServerPassiveAddress { get; set; }

        public IList<string> CertificateThumbprints { get; } = new List<string>();

        public bool SkipCertificateCheck { get; set; }

        /// <summary>"Tls12", "Tls13"; empty: what the operating system offers.</summary>
        public IList<string> TlsProtocols { get; } = new List<string>();

        public IList<string> KeyFiles { get; } = new List<string>();

        public SecureString? KeyPassphrase { get; set; }

        public IList<string> HostKeyFingerprints { get; } = new List<string>();

        public string? KnownHostsFile { get; set; }

        public bool AcceptNewHostKey { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The parameter names the user gave (without the dash); used only to name misplaced ones.</summary>
        public ICollection<string> GivenParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public Action<FtpTraceEntry>? Trace { get; set; }
    }
}

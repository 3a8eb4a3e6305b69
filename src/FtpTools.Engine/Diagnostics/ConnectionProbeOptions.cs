using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Authentication;
using FtpTools.Engine.Sftp;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>What Test-FtpConnection probes with: Connect-FtpServer's connection parameters plus the probe's own limits.</summary>
    public sealed class ConnectionProbeOptions
    {
        public ConnectionProbeOptions(string host)
        {
            if (string.IsNullOrWhiteSpace(host)) throw new ArgumentException("A host name or address is required.", nameof(host));
            Host = host.Trim();
        }

        public string Host { get; }

        /// <summary>0: the protocol's defaults (FTP 21, and 990 for implicit FTPS; SFTP 22).</summary>
        public int Port { get; set; }

        public RemoteProtocol Protocol { get; set; } = RemoteProtocol.Ftp;

        /// <summary>Null tries explicit, implicit and plain in that order; a value tries only that encryption.</summary>
        public FtpEncryption? Encryption { get; set; }

        /// <summary>User name and password (FTP: null logs in as anonymous). Never part of the report.</summary>
        public NetworkCredential? Credential { get; set; }

        public IList<string> PinnedCertificateThumbprints { get; } = new List<string>();

        public bool SkipCertificateValidation { get; set; }

        /// <summary>SslProtocols.None lets the OS choose; the probe then also compares TLS 1.2 where TLS 1.3 data connections fail.</summary>
        public SslProtocols TlsProtocols { get; set; } = SslProtocols.None;

        public int ActivePortMin { get; set; }

        public int ActivePortMax { get; set; }

        public IPAddress? ActiveExternalAddress { get; set; }

        /// <summary>The limit for each attempt's connect, replies and data connection.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long to wait for a greeting before calling the server silent (a port that expects TLS first); capped by AttemptTimeout.</summary>
        public TimeSpan GreetingTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Also upload, download and delete a small file in a temporary folder.</summary>
        public bool Deep { get; set; }

        /// <summary>SFTP: accepted host key fingerprints ("SHA256:...").</summary>
        public IList<string> HostKeyFingerprints { get; } = new List<string>();

        /// <summary>SFTP: an OpenSSH known_hosts file; never written by the probe.</summary>
        public string? KnownHostsFile { get; set; }

        /// <summary>SFTP: opens sessions (SftpConnectorLoader.Load); required when Protocol is Sftp.</summary>
        public ISftpConnector? SftpConnector { get; set; }

        /// <summary>Receives every command and reply of every attempt (PASS masked).</summary>
        public Action<FtpTraceEntry>? Trace { get; set; }

        public int EffectivePort => Port != 0 ? Port : Protocol == RemoteProtocol.Sftp ? SftpConnectionOptions.DefaultPort : FtpClientOptions.DefaultPort;

        public TimeSpan EffectiveGreetingTimeout => GreetingTimeout < AttemptTimeout ? GreetingTimeout : AttemptTimeout;

        /// <summary>The active port range as Connect-FtpServer's -ActivePortRange writes it, or null.</summary>
        public string? ActivePortRangeText => ActivePortMin > 0 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}-{1}", ActivePortMin, ActivePortMax > ActivePortMin ? ActivePortMax : ActivePortMin) : null;
    }
}

using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Authentication;

namespace FtpTools.Engine
{
    /// <summary>Everything a session is opened with. Defaults are secure (explicit TLS, validated certificate) and firewall-friendly (passive).</summary>
    public sealed class FtpClientOptions
    {
        public const int DefaultPort = 21;
        public const int DefaultImplicitPort = 990;

        public FtpClientOptions(string host)
        {
            if (string.IsNullOrWhiteSpace(host)) throw new ArgumentException("A host name or address is required.", nameof(host));
            Host = host.Trim();
        }

        public string Host { get; }

        /// <summary>0 means the default for the encryption: 990 for implicit TLS, 21 otherwise.</summary>
        public int Port { get; set; }

        /// <summary>User name and password; null logs in as anonymous.</summary>
        public NetworkCredential? Credential { get; set; }

        public FtpEncryption Encryption { get; set; } = FtpEncryption.Explicit;

        public FtpDataConnectionMode DataConnectionMode { get; set; } = FtpDataConnectionMode.Auto;

        /// <summary>Connect to the address a 227 reply names instead of the control connection's peer. Off by default: servers behind NAT often name a private address, and honouring it lets a server point the client at a third host.</summary>
        public bool UseServerPassiveAddress { get; set; }

        /// <summary>Active mode: the local address to listen on; null uses the control connection's local address.</summary>
        public IPAddress? ActiveBindAddress { get; set; }

        /// <summary>Active mode: the lowest local port to listen on (0 with ActivePortMax 0: any port).</summary>
        public int ActivePortMin { get; set; }

        public int ActivePortMax { get; set; }

        /// <summary>Active mode: the address to advertise in PORT/EPRT, for a client behind NAT with ports forwarded to it.</summary>
        public IPAddress? ActiveExternalAddress { get; set; }

        /// <summary>SHA-256 thumbprints (hex, any case, colons or spaces allowed) of certificates accepted even when not otherwise trusted.</summary>
        public IList<string> PinnedCertificateThumbprints { get; } = new List<string>();

        /// <summary>Accept any certificate. Explicit opt-out for test servers; never the default.</summary>
        public bool SkipCertificateValidation { get; set; }

        /// <summary>SslProtocols.None lets the OS choose (TLS 1.2 and 1.3 where available).</summary>
        public SslProtocols TlsProtocols { get; set; } = SslProtocols.None;

        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long to wait for a reply on the control connection.</summary>
        public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>How long a data connection may take to open and how long it may stall.</summary>
        public TimeSpan DataTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>During a transfer, send NOOP on the idle control connection this often; TimeSpan.Zero turns it off.</summary>
        public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Receives every command and reply (PASS masked). Called on the thread that calls the engine.</summary>
        public Action<FtpTraceEntry>? Trace { get; set; }

        public IFtpClock Clock { get; set; } = SystemFtpClock.Instance;

        /// <summary>Size of the buffer used to copy file data.</summary>
        public int TransferBufferSize { get; set; } = 256 * 1024;

        public int EffectivePort => Port != 0 ? Port : Encryption == FtpEncryption.Implicit ? DefaultImplicitPort : DefaultPort;
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>A connected FTP session, as Connect-FtpServer returns it. Pass it with -Session, or omit -Session to use the latest one.</summary>
    public sealed class FtpSession
    {
        internal FtpSession(int id, FtpClient client, TraceRelay traceRelay)
        {
            Id = id;
            Client = client;
            TraceRelay = traceRelay;
            var options = client.Options;
            ComputerName = options.Host;
            Port = options.EffectivePort;
            UserName = options.Credential?.UserName is string user && user.Length > 0 ? user : "anonymous";
            Encryption = options.Encryption;
            TlsProtocol = client.TlsProtocol;
            TlsCipherSuite = client.TlsCipherSuite;
            Greeting = client.Greeting;
            SystemType = client.SystemType;
            Features = client.Features.Names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
            ServerCertificateThumbprint = client.ServerCertificateThumbprint;
        }

        /// <summary>Numbers sessions within one runspace, starting at 1.</summary>
        public int Id { get; }

        public string ComputerName { get; }

        public int Port { get; }

        public string UserName { get; }

        public FtpEncryption Encryption { get; }

        public string? TlsProtocol { get; }

        public string? TlsCipherSuite { get; }

        /// <summary>The data connection mode in effect (Auto resolves after the first transfer).</summary>
        public FtpDataConnectionMode DataConnectionMode => Client.EffectiveDataConnectionMode;

        public string Greeting { get; }

        public string? SystemType { get; }

        public string[] Features { get; }

        public bool IsConnected => Client.IsConnected;

        public string CurrentDirectory => Client.CurrentDirectory;

        /// <summary>SHA-256 of the server's certificate, for -CertificateThumbprint pins.</summary>
        public string? ServerCertificateThumbprint { get; }

        [Hidden]
        public FtpClient Client { get; }

        internal TraceRelay TraceRelay { get; }

        public override string ToString() => "ftp" + (Encryption == FtpEncryption.None ? string.Empty : "s") + "://" + UserName + "@" + ComputerName + ":" + Port + " (Id " + Id + ")";
    }
}

using System;
using System.Management.Automation;
using System.Net;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    [Cmdlet(VerbsCommunications.Connect, "FtpServer")]
    [OutputType(typeof(FtpSession))]
    public sealed class ConnectFtpServerCommand : FtpCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Server", "HostName")]
        [ValidateNotNullOrEmpty]
        public string ComputerName { get; set; } = string.Empty;

        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public FtpEncryption Encryption { get; set; } = FtpEncryption.Explicit;

        [Parameter]
        public FtpDataConnectionMode DataConnection { get; set; } = FtpDataConnectionMode.Auto;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ActivePortRange { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ActiveExternalAddress { get; set; }

        [Parameter]
        public SwitchParameter UseServerPassiveAddress { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? CertificateThumbprint { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        [ValidateSet("Tls12", "Tls13")]
        public string[]? TlsProtocol { get; set; }

        [Parameter]
        [ValidateRange(1, 86400)]
        public int Timeout { get; set; } = 30;

        [Parameter]
        [ValidateRange(0, 86400)]
        public int KeepAliveInterval { get; set; } = 60;

        protected override void ProcessRecord()
        {
            var relay = new TraceRelay();
            var options = BuildOptions(relay);
            if (options.Encryption == FtpEncryption.None && options.Credential != null)
                WriteWarning("-Encryption None sends the password and all data in clear text.");
            if (SkipCertificateCheck.IsPresent)
                WriteVerbose("-SkipCertificateCheck: the server's certificate will not be validated.");

            var client = new FtpClient(options);
            var registry = Registry;
            try
            {
                using (relay.RedirectTo(entry => WriteVerbose(entry.ToString())))
                {
                    client.Connect(CancellationToken);
                }
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                client.Dispose();
                throw new PipelineStoppedException();
            }
            catch (Exception exception) when (IsItemFailure(exception))
            {
                client.Dispose();
                ThrowFtpError(exception, ComputerName);
            }

            var userName = options.Credential?.UserName is string user && user.Length > 0 ? user : "anonymous";
            var session = new FtpSession(registry.NextId(), client, relay, options.Host, options.EffectivePort, userName);
            registry.Add(session);
            WriteObject(session);
        }

        /// <summary>-ComputerName may be "host", "host:port", "[::1]:port" or a URL (ftp://, ftps://, sftp://); it must agree with -Port, -Encryption and -Credential.</summary>
        private ServerAddress ParseAddress(out int port, out FtpEncryption encryption)
        {
            port = 0;
            encryption = FtpEncryption.Explicit;
            ServerAddress? address = null;
            try
            {
                address = ServerAddress.Parse(ComputerName);
                if (address.Protocol == RemoteProtocol.Sftp)
                    throw new ArgumentException("-ComputerName '" + ComputerName + "' asks for SFTP, which this version of FtpTools cannot connect to yet. Use ftp:// or ftps:// (or a host name alone for explicit FTPS).");
                port = address.ChoosePort(Port);
                encryption = address.ChooseEncryption(MyInvocation.BoundParameters.ContainsKey(nameof(Encryption)) ? Encryption : (FtpEncryption?)null);
                var hasCredential = Credential != null && Credential != PSCredential.Empty;
                address.CheckUserName(hasCredential ? Credential!.UserName : null, hasCredential);
            }
            catch (ArgumentException exception)
            {
                ThrowInvalidArgument(exception.Message, ComputerName);
            }

            return address!;
        }

        private FtpClientOptions BuildOptions(TraceRelay relay)
        {
            var server = ParseAddress(out var port, out var encryption);
            var options = new FtpClientOptions(server.Host)
            {
                Port = port,
                Encryption = encryption,
                DataConnectionMode = DataConnection,
                UseServerPassiveAddress = UseServerPassiveAddress.IsPresent,
                SkipCertificateValidation = SkipCertificateCheck.IsPresent,
                ConnectTimeout = TimeSpan.FromSeconds(Timeout),
                ReadTimeout = TimeSpan.FromSeconds(Timeout),
                DataTimeout = TimeSpan.FromSeconds(Timeout),
                KeepAliveInterval = TimeSpan.FromSeconds(KeepAliveInterval),
                Trace = relay.Forward,
            };

            // The password stays a SecureString; NetworkCredential keeps the whole user name (no DOMAIN\ split, FTP has no domains).
            if (Credential != null && Credential != PSCredential.Empty)
                options.Credential = new NetworkCredential(Credential.UserName, Credential.Password);

            try
            {
                if (ActivePortRange != null)
                {
                    var range = Engine.Planning.ActivePortRange.Parse(ActivePortRange);
                    options.ActivePortMin = range.Low;
                    options.ActivePortMax = range.High;
                }

                if (ActiveExternalAddress != null)
                {
                    if (!IPAddress.TryParse(ActiveExternalAddress, out var address))
                        throw new ArgumentException("-ActiveExternalAddress '" + ActiveExternalAddress + "' is not an IP address.", nameof(ActiveExternalAddress));
                    options.ActiveExternalAddress = address;
                }

                foreach (var thumbprint in CertificateThumbprint ?? Array.Empty<string>())
                    options.PinnedCertificateThumbprints.Add(Engine.Planning.CertificateThumbprint.Normalize(thumbprint));

                options.TlsProtocols = TlsProtocolNames.ToSslProtocols(TlsProtocol);
            }
            catch (ArgumentException exception)
            {
                ThrowInvalidArgument(exception.Message, ComputerName);
            }

            return options;
        }
    }
}

using System;
using System.Management.Automation;
using System.Security;
using FtpTools.Engine;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Retrying;

namespace FtpTools
{
    [Cmdlet(VerbsCommunications.Connect, "FtpServer")]
    [OutputType(typeof(FtpSession))]
    public sealed class ConnectFtpServerCommand : FtpCmdlet, IConnectionParameters
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

        /// <summary>FTP (with -Encryption: none, explicit or implicit FTPS) or SFTP; an ftp://, ftps:// or sftp:// address chooses too.</summary>
        [Parameter]
        public RemoteProtocol Protocol { get; set; }

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
        [ValidateNotNullOrEmpty]
        public string[]? KeyFile { get; set; }

        [Parameter]
        public SecureString? KeyPassphrase { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? HostKeyFingerprint { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KnownHostsFile { get; set; }

        [Parameter]
        public SwitchParameter AcceptNewHostKey { get; set; }

        [Parameter]
        [ValidateRange(1, 86400)]
        public int Timeout { get; set; } = 30;

        [Parameter]
        [ValidateRange(0, 86400)]
        public int KeepAliveInterval { get; set; } = 60;

        /// <summary>Retries of the first connection and of a file transfer after a transient failure; Send-FtpItem and Receive-FtpItem can override it for transfers.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int RetryCount { get; set; } = RetryPolicy.Default.RetryCount;

        /// <summary>Seconds before the first retry; doubled before each next one, up to a minute.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int RetryDelay { get; set; } = (int)RetryPolicy.Default.RetryDelay.TotalSeconds;

        protected override void ProcessRecord()
        {
            var relay = new TraceRelay();
            var plan = Plan(relay);
            if (plan.SendsPasswordInClearText) WriteWarning("-Encryption None sends the password and all data in clear text.");
            if (SkipCertificateCheck.IsPresent) WriteVerbose("-SkipCertificateCheck: the server's certificate will not be validated.");

            var connector = new RemoteConnector(plan, ModuleDirectory);
            var retry = new RetryPolicy(RetryCount, TimeSpan.FromSeconds(RetryDelay));
            RemoteConnectionSlot? connection = null;
            try
            {
                using (relay.RedirectTo(entry => WriteVerbose(entry.ToString())))
                    connection = RemoteConnectionSlot.Open(connector, new ConnectRetry(retry, RetryWait.Sleep, WriteVerbose), CancellationToken);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception exception) when (IsItemFailure(exception))
            {
                ThrowFtpError(exception, ComputerName);
            }

            var registry = Registry;
            var session = new FtpSession(registry.NextId(), connection!, relay, plan.Host, plan.Port, plan.UserName)
            {
                Retry = retry,
            };
            registry.Add(session);
            WriteObject(session);
        }

        private ConnectionPlan Plan(TraceRelay relay)
        {
            var settings = ConnectionParameters.ToSettings(this);
            settings.DataConnection = DataConnection;
            settings.UseServerPassiveAddress = UseServerPassiveAddress.IsPresent;
            settings.KeyPassphrase = KeyPassphrase;
            settings.AcceptNewHostKey = AcceptNewHostKey.IsPresent;
            settings.KeepAliveInterval = TimeSpan.FromSeconds(KeepAliveInterval);
            settings.Trace = relay.Forward;
            foreach (var keyFile in KeyFile ?? Array.Empty<string>()) settings.KeyFiles.Add(GetUnresolvedProviderPathFromPSPath(keyFile));
            return CheckArguments(() => ConnectionPlan.From(settings), ComputerName);
        }
    }
}

using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using FtpTools.Engine;
using FtpTools.Engine.Diagnostics;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Sftp;

namespace FtpTools
{
    /// <summary>Tries every sensible combination of encryption and data connection with real listings and says what works and why the rest does not.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "FtpConnection")]
    [OutputType(typeof(FtpConnectionTest), typeof(bool))]
    public sealed class TestFtpConnectionCommand : FtpCmdlet
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
        public RemoteProtocol Protocol { get; set; } = RemoteProtocol.Ftp;

        /// <summary>Only this encryption; without it explicit, implicit and (when nothing encrypted works) plain are tried.</summary>
        [Parameter]
        public FtpEncryption Encryption { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ActivePortRange { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ActiveExternalAddress { get; set; }

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
        public string[]? HostKeyFingerprint { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KnownHostsFile { get; set; }

        /// <summary>Seconds each attempt may take (connect, each reply, each data connection).</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int Timeout { get; set; } = 10;

        [Parameter]
        public SwitchParameter Deep { get; set; }

        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var options = BuildOptions();
            ConnectionProbeReport report;
            try
            {
                report = options.Protocol == RemoteProtocol.Sftp
                    ? new SftpConnectionProbe(options).Run(CancellationToken)
                    : new FtpConnectionProbe(options).Run(CancellationToken);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            if (Quiet.IsPresent)
            {
                WriteObject(report.Success);
                return;
            }

            foreach (var warning in report.Warnings) WriteWarning(warning);
            WriteObject(new FtpConnectionTest(report));
        }

        private ConnectionProbeOptions BuildOptions()
        {
            ConnectionProbeOptions? options = null;
            try
            {
                // The same addresses as Connect-FtpServer. ftps:// leaves both kinds of FTPS to be tried; ftp:// tests plain FTP only.
                var target = ServerAddress.Parse(ComputerName);
                var protocolGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Protocol));
                if (protocolGiven && target.Scheme != null && target.Protocol != Protocol)
                    throw new ArgumentException("-ComputerName '" + ComputerName + "' asks for " + target.Protocol.ToString().ToUpperInvariant() + ", but -Protocol is " + Protocol + ".");
                options = new ConnectionProbeOptions(target.Host)
                {
                    Port = target.ChoosePort(Port),
                    Protocol = protocolGiven ? Protocol : target.Protocol,
                    Encryption = MyInvocation.BoundParameters.ContainsKey(nameof(Encryption)) ? Encryption : target.Scheme == "ftp" ? FtpEncryption.None : (FtpEncryption?)null,
                    SkipCertificateValidation = SkipCertificateCheck.IsPresent,
                    TlsProtocols = TlsProtocolNames.ToSslProtocols(TlsProtocol),
                    AttemptTimeout = TimeSpan.FromSeconds(Timeout),
                    Deep = Deep.IsPresent,
                    KnownHostsFile = KnownHostsFile is null ? null : GetUnresolvedProviderPathFromPSPath(KnownHostsFile),
                    Trace = entry => WriteVerbose(entry.ToString()),
                };

                var refusal = ConnectionParameterRules.WhyRefused(options.Protocol, MyInvocation.BoundParameters.Keys);
                if (refusal != null) throw new ArgumentException(refusal);

                // The password stays a SecureString; NetworkCredential keeps the whole user name (no DOMAIN\ split).
                if (Credential != null && Credential != PSCredential.Empty)
                    options.Credential = new NetworkCredential(Credential.UserName, Credential.Password);

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
                foreach (var fingerprint in HostKeyFingerprint ?? Array.Empty<string>())
                    options.HostKeyFingerprints.Add(fingerprint);

                if (options.Protocol == RemoteProtocol.Sftp)
                    options.SftpConnector = SftpConnectorLoader.Load(Path.GetDirectoryName(typeof(TestFtpConnectionCommand).Assembly.Location)!);
            }
            catch (ArgumentException exception)
            {
                ThrowInvalidArgument(FtpErrorClassifier.MessageWithoutParameterName(exception), ComputerName);
            }
            catch (FileNotFoundException exception)
            {
                ThrowTerminatingError(new ErrorRecord(exception, "SftpNotInstalled", ErrorCategory.NotInstalled, ComputerName));
            }

            return options!;
        }
    }
}

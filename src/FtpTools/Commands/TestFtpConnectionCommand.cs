using System;
using System.IO;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Diagnostics;

namespace FtpTools
{
    /// <summary>Tries every sensible combination of encryption and data connection with real listings and says what works and why the rest does not.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "FtpConnection")]
    [OutputType(typeof(FtpConnectionTest), typeof(bool))]
    public sealed class TestFtpConnectionCommand : FtpCmdlet, IConnectionParameters
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
            var options = Plan();
            ConnectionProbeReport report;
            try
            {
                report = ConnectionProbe.Run(options, ModuleDirectory, CancellationToken);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (FileNotFoundException exception)
            {
                ThrowTerminatingError(new ErrorRecord(exception, "SftpNotInstalled", ErrorCategory.NotInstalled, ComputerName));
                throw;
            }

            if (Quiet.IsPresent)
            {
                WriteObject(report.Success);
                return;
            }

            foreach (var warning in report.Warnings) WriteWarning(warning);
            WriteObject(new FtpConnectionTest(report));
        }

        private ConnectionProbeOptions Plan() => CheckArguments(() =>
        {
            var settings = ConnectionParameters.ToSettings(this);
            settings.Trace = entry => WriteVerbose(entry.ToString());
            return ConnectionProbePlanner.Plan(settings, Deep.IsPresent);
        }, ComputerName);
    }
}

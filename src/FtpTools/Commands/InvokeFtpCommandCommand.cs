using System;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>Sends one raw command on the control connection and returns the reply, whatever its code (check IsSuccess).</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "FtpCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpCommandResult))]
    public sealed class InvokeFtpCommandCommand : FtpSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Command { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var ftp = session.Ftp;
            if (ftp is null)
                ThrowFtpError(new FtpNotSupportedException("Invoke-FtpCommand sends raw FTP commands; " + session.Protocol.ToString().ToUpperInvariant() + " sessions have no control connection to send them on.", FtpCommandText.Mask(Command)), FtpCommandText.Mask(Command));
            string? refusal = null;
            try
            {
                refusal = RawCommandPolicy.WhyRefused(Command);
            }
            catch (ArgumentException exception)
            {
                ThrowInvalidArgument(exception.Message, FtpCommandText.Mask(Command));
            }

            if (refusal != null) ThrowInvalidArgument(refusal, FtpCommandText.Mask(Command));
            if (!ShouldProcess(session.ComputerName, "Send FTP command '" + FtpCommandText.Mask(Command) + "'")) return;
            TryItem(session, FtpCommandText.Mask(Command), () => WriteObject(new FtpCommandResult(ftp!.Execute(Command, CancellationToken))));
        }
    }
}

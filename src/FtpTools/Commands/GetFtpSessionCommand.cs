using System.Management.Automation;
using FtpTools.Engine;

namespace FtpTools
{
    [Cmdlet(VerbsCommon.Get, "FtpSession")]
    [OutputType(typeof(FtpSession))]
    public sealed class GetFtpSessionCommand : FtpCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.FtpSessionIdCompleter))]
        public int[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            var registry = Registry;
            if (Id is null)
            {
                WriteObject(registry.Sessions, true);
                return;
            }

            foreach (var id in Id)
            {
                var session = registry.Find(id);
                if (session != null)
                {
                    WriteObject(session);
                    continue;
                }

                var message = "There is no FTP session with Id " + id + " in this runspace. Get-FtpSession lists the sessions there are.";
                WriteError(FtpErrorRecords.Create(
                    new FtpErrorClassification(FtpErrorIds.NoSession, FtpErrorKind.ObjectNotFound, message),
                    new ItemNotFoundException(message),
                    id));
            }
        }
    }
}

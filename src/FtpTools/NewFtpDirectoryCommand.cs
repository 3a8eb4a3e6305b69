using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>Creates remote directories, parents included. Paths are literal: a new name has nothing to match.</summary>
    [Cmdlet(VerbsCommon.New, "FtpDirectory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FtpItem))]
    public sealed class NewFtpDirectoryCommand : FtpSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            foreach (var path in Path!)
            {
                var fullPath = RemotePathPattern.ResolveLiteral(path, session.FileSystem.CurrentDirectory);
                if (!ShouldProcess(fullPath, "Create remote directory")) continue;
                TryItem(session, fullPath, () =>
                {
                    session.FileSystem.CreateDirectory(fullPath, true, CancellationToken);
                    var created = session.FileSystem.GetItem(fullPath, CancellationToken) ?? new FtpListItem(FtpPath.GetName(fullPath), fullPath, FtpItemType.Directory);
                    WriteObject(ToFtpItem(created, session));
                });
            }
        }
    }
}

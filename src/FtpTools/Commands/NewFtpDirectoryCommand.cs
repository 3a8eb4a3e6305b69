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
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string[]? Path { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            foreach (var path in Path!)
            {
                var fullPath = RemotePathPattern.ResolveLiteral(path, session.FileSystem.CurrentDirectory);
                TryItem(session, fullPath, () =>
                {
                    // An existing directory is returned as it is: nothing is created, so nothing is asked.
                    var existing = session.FileSystem.GetItem(fullPath, CancellationToken);
                    if (existing?.Type != FtpItemType.Directory)
                    {
                        if (!ShouldProcess(fullPath, "Create remote directory")) return;
                        session.FileSystem.CreateDirectory(fullPath, true, CancellationToken);
                        existing = session.FileSystem.GetItem(fullPath, CancellationToken) ?? new FtpListItem(FtpPath.GetName(fullPath), fullPath, FtpItemType.Directory);
                    }

                    WriteObject(ToFtpItem(existing, session));
                });
            }
        }
    }
}

using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Renames one remote item in its directory; Move-FtpItem moves it elsewhere. -NewName may be a script block run for each
    /// piped item ({ $_.Name + '.done' }): PowerShell delay-binds it because -NewName takes pipeline input by property name.
    /// </summary>
    [Cmdlet(VerbsCommon.Rename, "FtpItem", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpItem))]
    public sealed class RenameFtpItemCommand : FtpPathSetsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteWildcardPathCompleter))]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string LiteralPath { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var unsafeName = RemoteNameGuard.WhyUnsafe(NewName);
            if (unsafeName != null)
            {
                WriteItemError(session, new System.ArgumentException("-NewName '" + RemoteNameGuard.Printable(NewName) + "' must be a plain name: " + unsafeName
                    + ". Use Move-FtpItem to move an item to another directory."), NewName);
                return;
            }

            var literal = IsLiteralPath;
            var path = literal ? LiteralPath : UnlessPipedSession(new[] { Path })?[0];
            if (path is null)
            {
                WriteItemError(session, new System.ArgumentException("No -Path was given: a piped session names no remote path."), null);
                return;
            }

            TryItem(session, path, () =>
            {
                var items = FindItems(session, path, literal);
                if (items.Count != 1)
                {
                    throw items.Count == 0
                        ? (System.Exception)new RemoteItemNotFoundException(path)
                        : new System.ArgumentException("-Path '" + path + "' matches " + items.Count + " items, and Rename-FtpItem renames one. Pipe them instead: "
                            + "Get-FtpChildItem -Path '" + path + "' | Rename-FtpItem -NewName { ... }.");
                }

                var from = items[0].FullName;
                var to = FtpPath.Combine(FtpPath.GetParent(from), NewName);
                if (to == from || !ShouldProcess(from, "Rename to " + NewName)) return;
                if (session.FileSystem.GetItem(to, CancellationToken) != null) throw DestinationExistsException.ForRename(to);
                session.FileSystem.Rename(from, to, CancellationToken);
                if (!PassThru.IsPresent) return;
                var renamed = session.FileSystem.GetItem(to, CancellationToken);
                if (renamed != null) WriteObject(ToFtpItem(renamed, session));
            });
        }
    }
}

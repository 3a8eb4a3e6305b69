using System;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Moves remote items (RNFR/RNTO). -Destination is a directory the items move into by their own names, unless exactly one
    /// item is named without wildcards as a parameter: then a path that is not an existing directory is the item's new path.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "FtpItem", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpItem))]
    public sealed class MoveFtpItemCommand : FtpRemotePathCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string Destination { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var client = session.FileSystem;
            var destination = RemotePathPattern.ResolveLiteral(Destination, client.CurrentDirectory);
            foreach (var path in RequestedPaths)
            {
                TryItem(session, path, () =>
                {
                    var items = FindItems(session, path, IsLiteralPath);
                    if (items.Count == 0) return;
                    var destinationIsFolder = TransferTargets.DestinationIsFolder(
                        client.GetItem(destination, CancellationToken)?.Type == FtpItemType.Directory,
                        Destination.EndsWith("/", StringComparison.Ordinal),
                        items.Count,
                        NamesItemsByPattern(path));
                    foreach (var item in items)
                        TryItem(session, item.FullName, () => Move(session, item, destinationIsFolder ? FtpPath.Combine(destination, item.Name) : destination));
                });
            }
        }

        private void Move(FtpSession session, FtpListItem item, string target)
        {
            if (target == item.FullName) return;
            if (!ShouldProcess(item.FullName, "Move to " + target)) return;
            if (session.FileSystem.GetItem(target, CancellationToken) != null) throw DestinationExistsException.ForRename(target);
            session.FileSystem.Rename(item.FullName, target, CancellationToken);
            if (!PassThru.IsPresent) return;
            var moved = session.FileSystem.GetItem(target, CancellationToken);
            if (moved != null) WriteObject(ToFtpItem(moved, session));
        }
    }
}

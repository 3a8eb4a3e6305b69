using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>Moves remote items (RNFR/RNTO): into an existing directory by their own name, or to a new path when there is one source.</summary>
    [Cmdlet(VerbsCommon.Move, "FtpItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpItem))]
    public sealed class MoveFtpItemCommand : FtpSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var client = session.FileSystem;
            var destination = RemotePathPattern.ResolveLiteral(Destination, client.CurrentDirectory);
            foreach (var path in Path!)
            {
                TryItem(session, path, () =>
                {
                    var items = FindItems(session, path, false);
                    var destinationIsFolder = TransferTargets.DestinationIsFolder(
                        client.GetItem(destination, CancellationToken)?.Type == FtpItemType.Directory,
                        Destination.EndsWith("/", System.StringComparison.Ordinal),
                        items.Count);
                    foreach (var item in items)
                        TryItem(session, item.FullName, () => Move(session, item, destinationIsFolder ? FtpPath.Combine(destination, item.Name) : destination));
                });
            }
        }

        private void Move(FtpSession session, FtpListItem item, string target)
        {
            if (target == item.FullName) return;
            if (!ShouldProcess(item.FullName, "Move to " + target)) return;
            if ((session.FileSystem.GetItem(target, CancellationToken) != null)) throw new DestinationExistsException(target);
            session.FileSystem.Rename(item.FullName, target, CancellationToken);
            if (!PassThru.IsPresent) return;
            var moved = session.FileSystem.GetItem(target, CancellationToken);
            if (moved != null) WriteObject(ToFtpItem(moved, session));
        }
    }
}

using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Deletes remote files and directories. A directory is listed first (every entry, hidden ones included), so -WhatIf and
    /// -Confirm say what would really happen, and a non-empty one without -Recurse gets FtpTools.DirectoryNotEmpty.
    /// Writes nothing; System.Void states that.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "FtpItem", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveFtpItemCommand : FtpRemotePathCmdlet
    {
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        protected override void ProcessRecord() => ForEachRequestedItem((session, item) => TryItem(session, item.FullName, () => Remove(session, item)));

        private void Remove(FtpSession session, FtpListItem item)
        {
            if (item.FullName == "/") throw new System.ArgumentException("Remove-FtpItem does not remove the root directory.");
            if (item.Type != FtpItemType.Directory)
            {
                if (ShouldProcess(item.FullName, "Remove file")) session.FileSystem.DeleteFile(item.FullName, CancellationToken);
                return;
            }

            var listing = session.FileSystem.ListDirectory(item.FullName, CancellationToken);
            WarnAboutListing(listing);
            var action = DirectoryRemoval.ActionFor(listing, Recurse.IsPresent) ?? throw DirectoryRemoval.NotEmpty(item.FullName, listing);
            if (ShouldProcess(item.FullName, action)) session.FileSystem.RemoveDirectory(item.FullName, Recurse.IsPresent, CancellationToken);
        }
    }
}

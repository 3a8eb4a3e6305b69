using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>Renames a remote item in its directory; Move-FtpItem moves it elsewhere.</summary>
    [Cmdlet(VerbsCommon.Rename, "FtpItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpItem))]
    public sealed class RenameFtpItemCommand : FtpSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            if (NewName.IndexOf('/') >= 0 || NewName == "." || NewName == "..")
                ThrowInvalidArgument("-NewName '" + NewName + "' must be a name, not a path. Use Move-FtpItem to move an item to another directory.", NewName);

            var from = RemotePathPattern.ResolveLiteral(Path, session.FileSystem.CurrentDirectory);
            var to = FtpPath.Combine(FtpPath.GetParent(from), NewName);
            if (!ShouldProcess(from, "Rename to " + NewName)) return;
            TryItem(session, from, () =>
            {
                if ((session.FileSystem.GetItem(to, CancellationToken) != null)) throw new DestinationExistsException(to);
                session.FileSystem.Rename(from, to, CancellationToken);
                if (!PassThru.IsPresent) return;
                var renamed = session.FileSystem.GetItem(to, CancellationToken);
                if (renamed != null) WriteObject(ToFtpItem(renamed, session));
            });
        }
    }
}

using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    [Cmdlet(VerbsDiagnostic.Test, "FtpPath", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(bool))]
    public sealed class TestFtpPathCommand : FtpRemotePathCmdlet
    {
        [Parameter]
        public FtpPathType PathType { get; set; } = FtpPathType.Any;

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var literal = IsLiteralPath;
            foreach (var path in RequestedPaths)
            {
                var found = false;
                var answered = TryItem(session, path, () =>
                {
                    try
                    {
                        found = FindItems(session, path, literal).Any(Fits);
                    }
                    catch (RemoteItemNotFoundException)
                    {
                        found = false;
                    }
                    catch (FtpException exception) when (IsNotThere(exception))
                    {
                        // A directory that cannot be listed or a 550: as far as this session can tell, the path is not there.
                        WriteVerbose(exception.Message);
                        found = false;
                    }
                });
                if (answered) WriteObject(found);
            }
        }

        private bool Fits(FtpListItem item)
        {
            switch (PathType)
            {
                case FtpPathType.Leaf: return item.Type != FtpItemType.Directory;
                case FtpPathType.Container: return item.Type == FtpItemType.Directory;
                default: return true;
            }
        }

        private static bool IsNotThere(FtpException exception)
        {
            var kind = FtpErrorClassifier.Classify(exception).Kind;
            return kind == FtpErrorKind.ObjectNotFound || kind == FtpErrorKind.PermissionDenied;
        }
    }
}

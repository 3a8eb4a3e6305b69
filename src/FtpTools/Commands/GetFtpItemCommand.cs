using System.Management.Automation;

namespace FtpTools
{
    [Cmdlet(VerbsCommon.Get, "FtpItem", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(FtpItem))]
    public sealed class GetFtpItemCommand : FtpRemotePathCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var literal = IsLiteralPath;
            foreach (var path in RequestedPaths)
            {
                TryItem(session, path, () =>
                {
                    foreach (var item in FindItems(session, path, literal))
                        WriteObject(ToFtpItem(item, session));
                });
            }
        }
    }
}

using System.Management.Automation;

namespace FtpTools
{
    [Cmdlet(VerbsCommon.Get, "FtpItem", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(FtpItem))]
    public sealed class GetFtpItemCommand : FtpRemotePathCmdlet
    {
        protected override void ProcessRecord() => ForEachRequestedItem((session, item) => WriteObject(ToFtpItem(item, session)));
    }
}

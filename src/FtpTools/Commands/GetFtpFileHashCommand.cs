using System.Management.Automation;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>Asks the server for a file's hash (HASH or XSHA256/XSHA1/XMD5/XCRC), to compare with Get-FileHash without downloading.</summary>
    [Cmdlet(VerbsCommon.Get, "FtpFileHash", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(FtpFileHash))]
    public sealed class GetFtpFileHashCommand : FtpRemotePathCmdlet
    {
        [Parameter]
        public FtpHashAlgorithm Algorithm { get; set; } = FtpHashAlgorithm.SHA256;

        protected override void ProcessRecord() => ForEachRequestedItem((session, item) =>
        {
            if (item.Type == FtpItemType.Directory) return;
            TryItem(session, item.FullName, () =>
            {
                var result = session.FileSystem.GetHash(item.FullName, Algorithm, CancellationToken);
                WriteObject(new FtpFileHash(result.Algorithm.ToString(), result.Hash.ToUpperInvariant(), item.FullName));
            });
        });
    }
}

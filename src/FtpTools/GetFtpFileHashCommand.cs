using System.Management.Automation;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>Asks the server for a file's hash (HASH or XSHA256/XSHA1/XMD5/XCRC), to compare with Get-FileHash without downloading.</summary>
    [Cmdlet(VerbsCommon.Get, "FtpFileHash", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(FtpFileHash))]
    public sealed class GetFtpFileHashCommand : FtpSessionCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        [Parameter]
        public FtpHashAlgorithm Algorithm { get; set; } = FtpHashAlgorithm.SHA256;

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath! : Path!)
            {
                TryItem(session, path, () =>
                {
                    foreach (var item in FindItems(session, path, literal))
                    {
                        if (item.Type == FtpItemType.Directory) continue;
                        TryItem(session, item.FullName, () =>
                        {
                            var result = session.Client.GetHash(item.FullName, Algorithm, CancellationToken);
                            WriteObject(new FtpFileHash(result.Algorithm.ToString(), result.Hash.ToUpperInvariant(), item.FullName));
                        });
                    }
                });
            }
        }
    }
}

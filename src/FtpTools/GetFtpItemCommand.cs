using System.Management.Automation;

namespace FtpTools
{
    [Cmdlet(VerbsCommon.Get, "FtpItem", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(FtpItem))]
    public sealed class GetFtpItemCommand : FtpSessionCmdlet
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

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath! : Path!)
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

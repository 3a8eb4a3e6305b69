using System.Collections.Generic;
using System.Management.Automation;

namespace FtpTools
{
    /// <summary>
    /// The cmdlets that act on existing remote items named by -Path (wildcards) or -LiteralPath (bound from an
    /// FtpItem's FullName down the pipeline): Get-FtpItem, Test-FtpPath, Get-FtpFileHash, Remove-FtpItem, Receive-FtpItem.
    /// </summary>
    public abstract class FtpRemotePathCmdlet : FtpSessionCmdlet
    {
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        protected bool IsLiteralPath => ParameterSetName == LiteralPathSet;

        /// <summary>The paths given for the current pipeline object, whichever parameter named them.</summary>
        protected IEnumerable<string> RequestedPaths => (IsLiteralPath ? LiteralPath : Path) ?? System.Array.Empty<string>();
    }
}

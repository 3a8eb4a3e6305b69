using System;
using System.Collections.Generic;
using System.Management.Automation;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>
    /// The cmdlets that act on existing remote items named by -Path (wildcards; plain strings bind from the pipeline) or
    /// -LiteralPath (a piped FtpItem binds its FullName here, so brackets in its name are never read as wildcards):
    /// Get-FtpItem, Test-FtpPath, Get-FtpFileHash, Remove-FtpItem, Receive-FtpItem, Move-FtpItem.
    /// </summary>
    public abstract class FtpRemotePathCmdlet : FtpPathSetsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteWildcardPathCompleter))]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string[]? LiteralPath { get; set; }

        /// <summary>The paths given for the current pipeline object, whichever parameter named them; a piped session is refused as a path.</summary>
        protected IEnumerable<string> RequestedPaths => RequestedRemotePaths(Path, LiteralPath);

        /// <summary>Hands each item the requested paths name to handle; a path that names nothing or cannot be looked up is that path's error, and the next path goes on.</summary>
        protected void ForEachRequestedItem(Action<FtpSession, FtpListItem> handle)
        {
            var session = CurrentSession;
            var literal = IsLiteralPath;
            foreach (var path in RequestedPaths)
            {
                TryItem(session, path, () =>
                {
                    foreach (var item in FindItems(session, path, literal)) handle(session, item);
                });
            }
        }
    }
}

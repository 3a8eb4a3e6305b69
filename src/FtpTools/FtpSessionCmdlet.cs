using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>A cmdlet that works on one session: -Session, bound from the pipeline or by property name (FtpItem.Session), defaulting to the latest session.</summary>
    public abstract class FtpSessionCmdlet : FtpCmdlet
    {
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public FtpSession? Session { get; set; }

        /// <summary>The session for the current pipeline object.</summary>
        protected FtpSession CurrentSession => ResolveSession(Session);

        /// <summary>The items one -Path (wildcards) or -LiteralPath value names. Throws for a literal path that names nothing.</summary>
        protected IReadOnlyList<FtpListItem> FindItems(FtpSession session, string path, bool literal)
        {
            var client = session.FileSystem;
            var pattern = literal
                ? RemotePathPattern.Parse(FtpWildcardPattern.EscapeText(path), client.CurrentDirectory)
                : RemotePathPattern.Parse(path, client.CurrentDirectory);
            var finder = new RemoteItemFinder(d => client.ListDirectory(d, CancellationToken), p => client.GetItem(p, CancellationToken))
            {
                Listed = WarnAboutUnparsedLines,
            };
            return finder.Find(pattern);
        }

        protected RemoteTreeWalker CreateWalker(FtpSession session) =>
            new RemoteTreeWalker(d => session.FileSystem.ListDirectory(d, CancellationToken))
            {
                Listed = WarnAboutUnparsedLines,
                SubdirectoryFailed = (directory, exception) => WriteItemError(session, exception, directory),
            };

        protected void WarnAboutUnparsedLines(FtpListing listing)
        {
            foreach (var line in listing.UnparsedLines)
                WriteWarning("[" + FtpErrorIds.UnparsedListingLine + "] A line of the listing of '" + listing.Directory + "' could not be understood and was skipped: " + line);
        }

        protected FtpItem ToFtpItem(FtpListItem item, FtpSession session) => new FtpItem(item, session);

        protected static IEnumerable<string> OrCurrentDirectory(string[]? paths) => paths is null || paths.Length == 0 ? new[] { "." } : paths.AsEnumerable();
    }
}

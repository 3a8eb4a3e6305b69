using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using FtpTools.Engine;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Retrying;

namespace FtpTools
{
    /// <summary>
    /// What the cmdlets that work on one session share: finding items, walking trees, warning about listings, telling where
    /// the paths of a -Path/-LiteralPath cmdlet came from. -Session itself is declared by the kinds below (and by the transfer
    /// cmdlets, FtpTransferCmdlet), since cmdlets with -Path/-LiteralPath sets must declare it per set.
    /// </summary>
    public abstract class FtpSessionCmdletBase : FtpCmdlet
    {
        /// <summary>The -Session argument for the current pipeline object, if any.</summary>
        protected abstract FtpSession? SessionArgument { get; }

        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        /// <summary>In a cmdlet with Path and LiteralPath sets (FtpPathSetsCmdlet): true when -LiteralPath named the items.</summary>
        protected bool IsLiteralPath => ParameterSetName == LiteralPathSet;

        /// <summary>The parameters given on the command line (BoundParameters before any pipeline input is bound).</summary>
        private HashSet<string> commandLineParameters = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing() =>
            commandLineParameters = new HashSet<string>(MyInvocation.BoundParameters.Keys, System.StringComparer.OrdinalIgnoreCase);

        /// <summary>True when the paths or items come from the pipeline (not when only a session is piped).</summary>
        protected bool PathsFromPipeline => MyInvocation.ExpectingInput && !commandLineParameters.Contains(IsLiteralPath ? "LiteralPath" : "Path");

        /// <summary>
        /// "$session | Get-FtpChildItem": PowerShell binds the piped session to -Session and then, converted to a string, to the
        /// still unbound -Path as well. That string names no path; null is returned for it.
        /// </summary>
        protected string[]? UnlessPipedSession(string[]? paths) =>
            paths != null && paths.Length == 1 && MyInvocation.ExpectingInput && SessionArgument != null && paths[0] == SessionArgument.ToString() ? null : paths;

        /// <summary>True when the items of this command may differ from run to run: a wildcard in -Path, or paths or items from the pipeline.</summary>
        protected bool NamesItemsByPattern(string path) =>
            PathsFromPipeline || (!IsLiteralPath && FtpWildcardPattern.ContainsWildcard(path));

        /// <summary>The remote paths given for the current pipeline object, whichever parameter named them; a piped session is refused as a path.</summary>
        protected IEnumerable<string> RequestedRemotePaths(string[]? paths, string[]? literalPaths)
        {
            if (IsLiteralPath) return literalPaths ?? System.Array.Empty<string>();
            var named = UnlessPipedSession(paths);
            if (named is null)
            {
                WriteItemError(SessionArgument, new System.ArgumentException("No -Path was given: a piped session names no remote path. Pass -Path (or pipe path strings or FtpItem objects)."), SessionArgument?.ToString());
                return System.Array.Empty<string>();
            }

            return named;
        }

        /// <summary>
        /// The session for the current pipeline object: -Session, or the latest session of this runspace. A session whose
        /// connection dropped since its last use (server restarted, idle timeout, NAT) is reconnected first, with its settings
        /// and in its directory, retrying transient failures as Connect-FtpServer does (the session's -RetryCount/-RetryDelay);
        /// a session ended with Disconnect-FtpServer is not.
        /// </summary>
        protected FtpSession CurrentSession => Reconnected(ResolveSession(SessionArgument));

        private FtpSession Reconnected(FtpSession session)
        {
            if (session.IsConnected || !Registry.Sessions.Contains(session)) return session;
            try
            {
                UseSession(session, () => session.Connection.Reconnect(new ConnectRetry(session.Retry, RetryWait.Sleep, WriteVerbose), CancellationToken));
            }
            catch (Exception exception) when (IsItemFailure(exception))
            {
                ThrowFtpError(session, exception, session.ToString());
            }

            WriteVerboseAbout(session, "reconnected to " + session.Connection.Address + ": the connection had dropped since its last use.");
            return session;
        }

        /// <summary>Runs a call that is safe to repeat; if it fails because the connection just dropped, reconnects and runs it once more.</summary>
        protected T Repeatable<T>(FtpSession session, Func<IRemoteFileSystem, T> call) =>
            Registry.Sessions.Contains(session)
                ? session.Connection.Repeatable(call, reason => WriteVerboseAbout(session, "reconnected to " + session.Connection.Address + " and repeating the request: " + reason),
                    new ConnectRetry(session.Retry, RetryWait.Sleep, WriteVerbose), CancellationToken)
                : call(session.FileSystem);

        /// <summary>The items one -Path (wildcards) or -LiteralPath value names. Throws for a literal path that names nothing.</summary>
        protected IReadOnlyList<FtpListItem> FindItems(FtpSession session, string path, bool literal)
        {
            var client = session.FileSystem;
            var pattern = literal
                ? RemotePathPattern.Parse(FtpWildcardPattern.EscapeText(path), client.CurrentDirectory)
                : RemotePathPattern.Parse(path, client.CurrentDirectory);
            var finder = new RemoteItemFinder(d => Repeatable(session, fs => fs.ListDirectory(d, CancellationToken)), p => Repeatable(session, fs => fs.GetItem(p, CancellationToken)))
            {
                Listed = WarnAboutListing,
            };
            return finder.Find(pattern);
        }

        /// <summary>A walker over every entry, hidden ones included (descendIntoHidden false: dot-named folders are listed but not entered).</summary>
        protected RemoteTreeWalker CreateWalker(FtpSession session, bool descendIntoHidden = true) =>
            new RemoteTreeWalker(d => Repeatable(session, fs => fs.ListDirectory(d, CancellationToken)))
            {
                Listed = WarnAboutListing,
                SubdirectoryFailed = (directory, exception) => WriteItemError(session, exception, directory),
                ShouldDescend = descendIntoHidden ? null : (System.Func<RemoteWalkEntry, bool>)(folder => !IsHidden(folder.Item.Name)),
            };

        /// <summary>A walker that passes each entry on as its directory's listing is read (Walk with a callback); warnings come as lines arrive.</summary>
        protected RemoteTreeWalker CreateStreamingWalker(FtpSession session, bool descendIntoHidden) =>
            new RemoteTreeWalker((directory, onItem) => StreamDirectory(session, directory, onItem))
            {
                SubdirectoryFailed = (directory, exception) => WriteItemError(session, exception, directory),
                ShouldDescend = descendIntoHidden ? null : (System.Func<RemoteWalkEntry, bool>)(folder => !IsHidden(folder.Item.Name)),
            };

        /// <summary>
        /// Lists a directory, passing each entry to onItem as it is read (onItem runs on the pipeline thread and may WriteObject).
        /// A listing that fails before its first entry is repeated once over a new connection when the old one dropped; one that
        /// fails later is not, since its entries went out already.
        /// </summary>
        protected void StreamDirectory(FtpSession session, string directory, System.Action<FtpListItem> onItem)
        {
            var delivered = 0;
            Exception? failedAfterEntries = null;
            var visitor = new FtpListingCallbacks([MethodImpl(HotPath.Optimized)] (FtpListItem item) =>
            {
                delivered++;
                onItem(item);
            }, line => WarnUnparsed(directory, line), refused => WarnRefused(directory, refused));
            Repeatable(session, fs =>
            {
                if (failedAfterEntries != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failedAfterEntries).Throw();
                try
                {
                    return fs.ListDirectory(directory, visitor, CancellationToken);
                }
                catch (FtpException exception) when (delivered > 0)
                {
                    failedAfterEntries = exception;
                    throw;
                }
            });
        }

        /// <summary>Warns about what a listing could not return: lines no parser understood, and names refused as unsafe.</summary>
        protected void WarnAboutListing(FtpListing listing)
        {
            foreach (var line in listing.UnparsedLines) WarnUnparsed(listing.Directory, line);
            foreach (var refused in listing.RefusedEntries) WarnRefused(listing.Directory, refused);
        }

        private void WarnUnparsed(string directory, string line) =>
            WriteWarning(FtpErrorIds.UnparsedListingLine, "A line of the listing of '" + directory + "' could not be understood and was skipped: " + RemoteNameGuard.Printable(line));

        private void WarnRefused(string directory, FtpRefusedEntry refused) =>
            WriteWarning(FtpErrorIds.UnsafeRemoteName, "The listing of '" + directory + "' named an entry '" + RemoteNameGuard.Printable(refused.Name)
                + "', which was refused because " + refused.Reason + ". It is left out, so no command can act on another path through it.");

        /// <summary>Dot-named entries, which Get-FtpChildItem shows only with -Force (as Get-ChildItem does on Unix).</summary>
        [MethodImpl(HotPath.Optimized)]
        protected static bool IsHidden(string name) => name.Length > 1 && name[0] == '.';

        [MethodImpl(HotPath.Optimized)]
        protected FtpItem ToFtpItem(FtpListItem item, FtpSession session) => new FtpItem(item, session);

        protected static IEnumerable<string> OrCurrentDirectory(string[]? paths) => paths is null || paths.Length == 0 ? new[] { "." } : paths.AsEnumerable();
    }

    /// <summary>A cmdlet with one parameter set: -Session binds from the pipeline by value and by property name (FtpItem.Session).</summary>
    public abstract class FtpSessionCmdlet : FtpSessionCmdletBase
    {
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.FtpSessionCompleter))]
        public FtpSession? Session { get; set; }

        protected override FtpSession? SessionArgument => Session;
    }

    /// <summary>
    /// A cmdlet with a Path set (the default; -Path takes strings from the pipeline by value) and a LiteralPath set (a piped
    /// FtpItem binds its FullName there). -Session binds by property name only in the LiteralPath set: PowerShell binds
    /// pipeline input in the default set first, and a Session bound there by property name would keep a piped FtpItem out of
    /// -LiteralPath and let its FullName reach the wildcard -Path as a string.
    /// </summary>
    public abstract class FtpPathSetsCmdlet : FtpSessionCmdletBase
    {
        [Parameter(ParameterSetName = PathSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.FtpSessionCompleter))]
        public FtpSession? Session { get; set; }

        protected override FtpSession? SessionArgument => Session;
    }
}

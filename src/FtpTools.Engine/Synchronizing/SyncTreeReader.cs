using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>
    /// Reads the two trees of a Sync-FtpItem run and plans it (SyncPlanner): checks that the roots are folders (the source's
    /// must exist), walks the remote tree with the walker given and the local one (links to folders are not followed),
    /// entering only folders the filter keeps.
    /// </summary>
    public sealed class SyncTreeReader
    {
        private readonly RemoteConnectionSlot connection;
        private readonly SyncOptions options;

        /// <param name="options">The direction, compare, -Delete and filter of the run; the target's facts (TargetKeepsSourceTime, TargetRootExists) are set here.</param>
        public SyncTreeReader(RemoteConnectionSlot connection, SyncOptions options)
        {
            this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>Called with a link to a local folder that is not followed.</summary>
        public Action<string>? LinkSkipped { get; set; }

        /// <summary>Called for a local folder below the root that could not be read; the walk goes on without it.</summary>
        public Action<string, Exception>? LocalFolderFailed { get; set; }

        /// <exception cref="ArgumentException">A root is a file.</exception>
        /// <exception cref="RemoteItemNotFoundException">A download's remote root does not exist.</exception>
        /// <exception cref="DirectoryNotFoundException">An upload's local root does not exist.</exception>
        public SyncPlan Plan(string localRoot, string remoteRoot, RemoteTreeWalker remoteWalker, CancellationToken cancellationToken)
        {
            if (remoteWalker is null) throw new ArgumentNullException(nameof(remoteWalker));
            var upload = options.Direction == FtpSyncDirection.Upload;
            var remoteRootItem = connection.Current.GetItem(remoteRoot, cancellationToken);
            if (remoteRootItem != null && remoteRootItem.Type != FtpItemType.Directory) throw new ArgumentException("-RemotePath '" + remoteRoot + "' is a file, not a folder.");
            if (!upload && remoteRootItem is null) throw new RemoteItemNotFoundException("The remote folder '" + remoteRoot + "' does not exist.");
            if (File.Exists(localRoot)) throw new ArgumentException("-LocalPath '" + localRoot + "' is a file, not a folder.");
            if (upload && !Directory.Exists(localRoot)) throw new DirectoryNotFoundException("The local folder '" + localRoot + "' does not exist.");

            remoteWalker.ShouldDescend = folder => options.Filter.IsInScope(folder.RelativePath, true);
            var remote = remoteRootItem is null ? new List<SyncEntry>() : SyncTrees.FromRemote(remoteWalker.Walk(remoteRoot, int.MaxValue));
            var localWalker = new LocalTreeWalker
            {
                ShouldDescend = relative => options.Filter.IsInScope(relative, true),
                LinkSkipped = LinkSkipped,
                FolderFailed = LocalFolderFailed,
            };
            IReadOnlyDictionary<string, SyncEntry> partials = new Dictionary<string, SyncEntry>();
            var local = Directory.Exists(localRoot) ? SyncTrees.FromLocal(localWalker.Walk(localRoot), out partials) : new List<SyncEntry>();
            options.TargetKeepsSourceTime = !upload || connection.Current.CanSetModifiedTime;
            options.TargetRootExists = upload ? remoteRootItem != null : Directory.Exists(localRoot);
            return SyncPlanner.Plan(upload ? local : remote, upload ? remote : local, partials, options, new RemoteSyncLookups(connection, cancellationToken));
        }
    }
}

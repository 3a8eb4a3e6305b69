using System;
using System.Collections.Generic;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>Turns walked trees into the planner's entries.</summary>
    public static class SyncTrees
    {
        /// <summary>Remote files and folders; links and other special entries are left out (never followed, never deleted).</summary>
        public static IReadOnlyList<SyncEntry> FromRemote(IEnumerable<RemoteWalkEntry> walked)
        {
            if (walked is null) throw new ArgumentNullException(nameof(walked));
            var entries = new List<SyncEntry>();
            foreach (var walk in walked)
            {
                var item = walk.Item;
                if (item.Type != FtpItemType.File && item.Type != FtpItemType.Directory) continue;
                var isFolder = item.Type == FtpItemType.Directory;
                entries.Add(new SyncEntry(walk.RelativePath, isFolder, isFolder ? null : item.Length, item.LastWriteTime, item.LastWriteTimeIsApproximate, item.FullName) { RemoteItem = item });
            }

            return entries;
        }

        /// <summary>
        /// Local files and folders. A download's "&lt;name&gt;.ftptools-partial" file is not an item of the tree: it goes to partials,
        /// keyed by the relative path of the file it belongs to, so a download can continue from it.
        /// </summary>
        public static IReadOnlyList<SyncEntry> FromLocal(IEnumerable<LocalWalkEntry> walked, out IReadOnlyDictionary<string, SyncEntry> partials)
        {
            if (walked is null) throw new ArgumentNullException(nameof(walked));
            var entries = new List<SyncEntry>();
            var found = new Dictionary<string, SyncEntry>(StringComparer.Ordinal);
            foreach (var walk in walked)
            {
                var entry = new SyncEntry(walk.RelativePath, walk.IsFolder, walk.Length, walk.LastWriteTime, false, walk.FullPath);
                if (!walk.IsFolder && walk.RelativePath.EndsWith(TransferTargets.PartialSuffix, StringComparison.Ordinal))
                    found[walk.RelativePath.Substring(0, walk.RelativePath.Length - TransferTargets.PartialSuffix.Length)] = entry;
                else
                    entries.Add(entry);
            }

            partials = found;
            return entries;
        }
    }
}

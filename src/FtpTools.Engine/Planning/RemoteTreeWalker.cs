using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Walks a remote directory tree: every entry of a directory, then each subdirectory in turn (the order Get-ChildItem -Recurse shows).
    /// Symbolic links are reported but never followed, and a directory is listed once at most, so a looping server cannot trap the walk.
    /// Two ways: Walk(directory, maxDepth) yields entries and reads each directory whole first, so the caller may act on an entry
    /// (download it) over the same connection; Walk(directory, maxDepth, onEntry) passes entries on as each listing streams in.
    /// </summary>
    public sealed class RemoteTreeWalker
    {
        private readonly Action<string, Action<FtpListItem>> list;

        public RemoteTreeWalker(Func<string, FtpListing> listDirectory)
        {
            if (listDirectory is null) throw new ArgumentNullException(nameof(listDirectory));
            list = (directory, onItem) =>
            {
                var listing = listDirectory(directory);
                Listed?.Invoke(listing);
                foreach (var item in listing.Items) onItem(item);
            };
        }

        /// <summary>streamDirectory lists one directory, passing each entry on as it is read (and warning about what it cannot pass on itself).</summary>
        public RemoteTreeWalker(Action<string, Action<FtpListItem>> streamDirectory)
        {
            list = streamDirectory ?? throw new ArgumentNullException(nameof(streamDirectory));
        }

        /// <summary>Called with each listing as it is read (the module warns about its unparsed lines); only for a walker built over whole listings.</summary>
        public Action<FtpListing>? Listed { get; set; }

        /// <summary>
        /// Decides whether a subdirectory is walked into (null: every one), seeing its entry with the path below the start
        /// (what -Include/-Exclude match). Get-FtpChildItem without -Force skips hidden ones.
        /// </summary>
        public Func<RemoteWalkEntry, bool>? ShouldDescend { get; set; }

        /// <summary>Called when a subdirectory cannot be listed; the walk goes on. When null the exception propagates. The start directory's failure always propagates.</summary>
        public Action<string, Exception>? SubdirectoryFailed { get; set; }

        /// <param name="maxDepth">0: the start directory's entries only; int.MaxValue: everything.</param>
        public IEnumerable<RemoteWalkEntry> Walk(string directory, int maxDepth)
        {
            if (directory is null) throw new ArgumentNullException(nameof(directory));
            if (maxDepth < 0) throw new ArgumentOutOfRangeException(nameof(maxDepth));
            var visited = new HashSet<string>(StringComparer.Ordinal) { directory };
            return WalkDirectory(directory, string.Empty, 0, maxDepth, visited);
        }

        /// <summary>
        /// The same walk, pushed: onEntry sees each entry as its directory's listing is read, so a directory of a million entries
        /// is never held in memory (unless onEntry uses the connection being listed: then the rest of that listing is read first). An exception from onEntry ends the walk unchanged.
        /// </summary>
        public void Walk(string directory, int maxDepth, Action<RemoteWalkEntry> onEntry)
        {
            if (directory is null) throw new ArgumentNullException(nameof(directory));
            if (onEntry is null) throw new ArgumentNullException(nameof(onEntry));
            if (maxDepth < 0) throw new ArgumentOutOfRangeException(nameof(maxDepth));
            var visited = new HashSet<string>(StringComparer.Ordinal) { directory };
            VisitDirectory(directory, string.Empty, 0, maxDepth, visited, onEntry);
        }

        private IEnumerable<RemoteWalkEntry> WalkDirectory(string directory, string relativeDirectory, int depth, int maxDepth, HashSet<string> visited)
        {
            var entries = new List<RemoteWalkEntry>();
            if (!TryList(directory, depth, item => entries.Add(new RemoteWalkEntry(item, depth, Relative(relativeDirectory, item.Name))))) yield break;
            var subdirectories = new List<RemoteWalkEntry>();
            foreach (var entry in entries)
            {
                if (!IsEntry(entry.Item)) continue;
                yield return entry;
                if (Descends(entry, depth, maxDepth, visited)) subdirectories.Add(entry);
            }

            foreach (var subdirectory in subdirectories)
            {
                foreach (var entry in WalkDirectory(subdirectory.Item.FullName, subdirectory.RelativePath, depth + 1, maxDepth, visited))
                    yield return entry;
            }
        }

        private void VisitDirectory(string directory, string relativeDirectory, int depth, int maxDepth, HashSet<string> visited, Action<RemoteWalkEntry> onEntry)
        {
            // Only the subdirectories to walk next are kept, not the entries.
            var subdirectories = new List<RemoteWalkEntry>();
            var listed = TryList(directory, depth, [MethodImpl(HotPath.Optimized)] (FtpListItem item) =>
            {
                if (!IsEntry(item)) return;
                var entry = new RemoteWalkEntry(item, depth, Relative(relativeDirectory, item.Name));
                onEntry(entry);
                if (Descends(entry, depth, maxDepth, visited)) subdirectories.Add(entry);
            });
            if (!listed) return;
            foreach (var subdirectory in subdirectories)
                VisitDirectory(subdirectory.Item.FullName, subdirectory.RelativePath, depth + 1, maxDepth, visited, onEntry);
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool IsEntry(FtpListItem item) => item.Name != "." && item.Name != ".." && item.Name.Length > 0;

        [MethodImpl(HotPath.Optimized)]
        private static string Relative(string relativeDirectory, string name) => relativeDirectory.Length == 0 ? name : relativeDirectory + "/" + name;

        [MethodImpl(HotPath.Optimized)]
        private bool Descends(RemoteWalkEntry entry, int depth, int maxDepth, HashSet<string> visited) =>
            entry.Item.Type == FtpItemType.Directory && depth < maxDepth && (ShouldDescend?.Invoke(entry) ?? true) && visited.Add(entry.Item.FullName);

        /// <summary>Lists one directory into onItem; false when a subdirectory failed and SubdirectoryFailed took the failure. What onItem throws always propagates.</summary>
        private bool TryList(string directory, int depth, Action<FtpListItem> onItem)
        {
            if (depth == 0 || SubdirectoryFailed is null)
            {
                list(directory, onItem);
                return true;
            }

            Exception? fromConsumer = null;
            try
            {
                list(directory, item =>
                {
                    try
                    {
                        onItem(item);
                    }
                    catch (Exception exception)
                    {
                        fromConsumer = exception;
                        throw;
                    }
                });
                return true;
            }
            catch (Exception exception) when (!(exception is OperationCanceledException) && !ReferenceEquals(exception, fromConsumer))
            {
                SubdirectoryFailed(directory, exception);
                return false;
            }
        }
    }
}

using System;
using System.Collections.Generic;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Walks a remote directory tree: every entry of a directory, then each subdirectory in turn (the order Get-ChildItem -Recurse shows).
    /// Symbolic links are reported but never followed, and a directory is listed once at most, so a looping server cannot trap the walk.
    /// </summary>
    public sealed class RemoteTreeWalker
    {
        private readonly Func<string, FtpListing> listDirectory;

        public RemoteTreeWalker(Func<string, FtpListing> listDirectory)
        {
            this.listDirectory = listDirectory ?? throw new ArgumentNullException(nameof(listDirectory));
        }

        /// <summary>Called with each listing as it is read (the module warns about its unparsed lines).</summary>
        public Action<FtpListing>? Listed { get; set; }

        /// <summary>Decides whether a subdirectory is walked into (null: every one). Get-FtpChildItem without -Force skips hidden ones.</summary>
        public Func<FtpListItem, bool>? ShouldDescend { get; set; }

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

        private IEnumerable<RemoteWalkEntry> WalkDirectory(string directory, string relativeDirectory, int depth, int maxDepth, HashSet<string> visited)
        {
            FtpListing listing;
            if (depth == 0)
            {
                listing = listDirectory(directory);
            }
            else
            {
                var listed = TryList(directory);
                if (listed is null) yield break;
                listing = listed;
            }

            Listed?.Invoke(listing);
            var subdirectories = new List<RemoteWalkEntry>();
            foreach (var item in listing.Items)
            {
                if (item.Name == "." || item.Name == ".." || item.Name.Length == 0) continue;
                var relative = relativeDirectory.Length == 0 ? item.Name : relativeDirectory + "/" + item.Name;
                var entry = new RemoteWalkEntry(item, depth, relative);
                yield return entry;
                if (item.Type == FtpItemType.Directory && depth < maxDepth && (ShouldDescend?.Invoke(item) ?? true) && visited.Add(item.FullName)) subdirectories.Add(entry);
            }

            foreach (var subdirectory in subdirectories)
            {
                foreach (var entry in WalkDirectory(subdirectory.Item.FullName, subdirectory.RelativePath, depth + 1, maxDepth, visited))
                    yield return entry;
            }
        }

        private FtpListing? TryList(string directory)
        {
            if (SubdirectoryFailed is null) return listDirectory(directory);
            try
            {
                return listDirectory(directory);
            }
            catch (Exception exception) when (!(exception is OperationCanceledException))
            {
                SubdirectoryFailed(directory, exception);
                return null;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Engine.Tests.Planning
{
    /// <summary>An in-memory remote file system: paths ending in '/' are directories.</summary>
    internal sealed class FakeRemoteTree
    {
        private readonly HashSet<string> paths;

        public FakeRemoteTree(params string[] paths)
        {
            this.paths = new HashSet<string>(paths, StringComparer.Ordinal);
        }

        public List<string> Listed { get; } = new List<string>();

        public Dictionary<string, string[]> UnparsedLines { get; } = new Dictionary<string, string[]>();

        public HashSet<string> Failing { get; } = new HashSet<string>();

        public FtpListing List(string directory)
        {
            Listed.Add(directory);
            if (Failing.Contains(directory)) throw new FtpCommandException("Permission denied.", FtpPhase.Listing, "MLSD " + directory, new FtpReply(550, new[] { "Permission denied." }));
            var prefix = directory == "/" ? "/" : directory + "/";
            var items = paths
                .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.Length > prefix.Length)
                .Select(p => p.Substring(prefix.Length))
                .Where(rest => rest.IndexOf('/') < 0 || rest.IndexOf('/') == rest.Length - 1)
                .Select(rest => ToItem(prefix + rest))
                .ToList();
            return new FtpListing(directory, items, UnparsedLines.TryGetValue(directory, out var lines) ? lines : Array.Empty<string>(), "MLSD");
        }

        public FtpListItem? Get(string path)
        {
            if (path == "/") return new FtpListItem("/", "/", FtpItemType.Directory);
            if (paths.Contains(path + "/")) return ToItem(path + "/");
            return paths.Contains(path) ? ToItem(path) : null;
        }

        private static FtpListItem ToItem(string path)
        {
            var isDirectory = path.EndsWith("/", StringComparison.Ordinal);
            var fullName = isDirectory ? path.TrimEnd('/') : path;
            return new FtpListItem(FtpPath.GetName(fullName), fullName, isDirectory ? FtpItemType.Directory : FtpItemType.File) { Length = isDirectory ? (long?)null : 10 };
        }
    }
}

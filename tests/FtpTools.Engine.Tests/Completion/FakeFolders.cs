using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace FtpTools.Engine.Tests.Completion
{
    /// <summary>Remote folders for completion tests: names ending in '/' are folders. Counts the listings asked for.</summary>
    internal sealed class FakeFolders
    {
        private readonly Dictionary<string, string[]> folders = new Dictionary<string, string[]>(StringComparer.Ordinal);

        public List<string> Listed { get; } = new List<string>();

        public FakeFolders With(string directory, params string[] entries)
        {
            folders[directory] = entries;
            return this;
        }

        public FtpListing List(string directory, CancellationToken cancellationToken)
        {
            Listed.Add(directory);
            if (!folders.TryGetValue(directory, out var entries)) throw new FtpException("550 No such directory.", FtpPhase.Command, "MLSD " + directory);
            var items = entries.Select(entry =>
            {
                var isFolder = entry.EndsWith("/", StringComparison.Ordinal);
                var name = isFolder ? entry.Substring(0, entry.Length - 1) : entry;
                return new FtpListItem(name, FtpPath.Combine(directory, name), isFolder ? FtpItemType.Directory : FtpItemType.File);
            }).ToList();
            return new FtpListing(directory, items, Array.Empty<string>(), "MLSD");
        }
    }
}

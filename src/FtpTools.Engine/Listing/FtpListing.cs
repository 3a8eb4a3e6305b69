using System;
using System.Collections.Generic;

namespace FtpTools.Engine
{
    /// <summary>
    /// A directory listing: the items understood, every line no parser understood (never dropped silently), and the entries
    /// refused because their names are not plain names of this directory (see <see cref="RemoteNameGuard"/>). The guard is
    /// applied here, where every listing passes whichever protocol produced it, so no consumer ever meets "../x" or "/etc/x"
    /// as an item: tree walks, wildcard matching, recursive removal and the cmdlets all read <see cref="Items"/>.
    /// </summary>
    public sealed class FtpListing
    {
        public FtpListing(string directory, IReadOnlyList<FtpListItem> items, IReadOnlyList<string> unparsedLines, string command)
            : this(directory, items, unparsedLines, Array.Empty<FtpRefusedEntry>(), command)
        {
        }

        /// <summary>A listing with entries already refused (by <see cref="FtpListingStream"/>); items are checked again all the same.</summary>
        public FtpListing(string directory, IReadOnlyList<FtpListItem> items, IReadOnlyList<string> unparsedLines, IReadOnlyList<FtpRefusedEntry> refusedEntries, string command)
        {
            if (items is null) throw new ArgumentNullException(nameof(items));
            Directory = directory;
            UnparsedLines = unparsedLines ?? Array.Empty<string>();
            Command = command;

            var accepted = new List<FtpListItem>(items.Count);
            var refused = new List<FtpRefusedEntry>(refusedEntries ?? Array.Empty<FtpRefusedEntry>());
            foreach (var item in items)
            {
                if (item is null) continue;
                var reason = RemoteNameGuard.WhyUnsafe(item, directory);
                if (reason is null) accepted.Add(item);
                else refused.Add(new FtpRefusedEntry(item.Name, reason, item.RawLine));
            }

            Items = accepted.AsReadOnly();
            RefusedEntries = refused.AsReadOnly();
        }

        /// <summary>The absolute remote directory that was listed.</summary>
        public string Directory { get; }

        /// <summary>The entries, each a plain name of Directory with FullName = Directory + "/" + Name.</summary>
        public IReadOnlyList<FtpListItem> Items { get; }

        public IReadOnlyList<string> UnparsedLines { get; }

        /// <summary>Entries the server named that are not plain names of Directory ("..", "a/b", "/abs", control characters).</summary>
        public IReadOnlyList<FtpRefusedEntry> RefusedEntries { get; }

        /// <summary>MLSD or LIST: what produced the listing.</summary>
        public string Command { get; }
    }
}

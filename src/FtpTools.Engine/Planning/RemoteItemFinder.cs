using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Engine.Planning
{
    /// <summary>Finds the items one -Path or -LiteralPath value names: a literal path through a single lookup, a pattern by listing its directory.</summary>
    public sealed class RemoteItemFinder
    {
        private readonly Func<string, FtpListing> listDirectory;
        private readonly Func<string, FtpListItem?> getItem;

        public RemoteItemFinder(Func<string, FtpListing> listDirectory, Func<string, FtpListItem?> getItem)
        {
            this.listDirectory = listDirectory ?? throw new ArgumentNullException(nameof(listDirectory));
            this.getItem = getItem ?? throw new ArgumentNullException(nameof(getItem));
        }

        /// <summary>Called with each listing read (for unparsed-line warnings).</summary>
        public Action<FtpListing>? Listed { get; set; }

        /// <summary>The matches, sorted by name. A literal path that names nothing throws RemoteItemNotFoundException; a pattern that matches nothing returns an empty list (as Get-ChildItem does).</summary>
        public IReadOnlyList<FtpListItem> Find(RemotePathPattern pattern)
        {
            if (pattern is null) throw new ArgumentNullException(nameof(pattern));
            if (!pattern.HasWildcard)
            {
                var path = pattern.LiteralPath!;
                var item = getItem(path) ?? throw new RemoteItemNotFoundException(path);
                return new[] { item };
            }

            var listing = listDirectory(pattern.Directory!);
            Listed?.Invoke(listing);
            return listing.Items
                .Where(i => i.Name != "." && i.Name != ".." && pattern.NamePattern!.IsMatch(i.Name))
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .ToList();
        }
    }
}

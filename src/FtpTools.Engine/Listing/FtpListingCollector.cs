using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>Collects a streamed listing into an <see cref="FtpListing"/>: the materialised listing is this over the streaming one.</summary>
    public sealed class FtpListingCollector : IFtpListingVisitor
    {
        private readonly List<FtpListItem> items = new List<FtpListItem>();
        private readonly List<string> unparsedLines = new List<string>();
        private readonly List<FtpRefusedEntry> refusedEntries = new List<FtpRefusedEntry>();

        [MethodImpl(HotPath.Optimized)]
        public void Item(FtpListItem item) => items.Add(item);

        public void UnparsedLine(string line) => unparsedLines.Add(line);

        public void RefusedEntry(FtpRefusedEntry entry) => refusedEntries.Add(entry);

        public FtpListing ToListing(FtpListingCounts counts) =>
            new FtpListing(counts.Directory, items.AsReadOnly(), unparsedLines.AsReadOnly(), refusedEntries.AsReadOnly(), counts.Command);
    }
}

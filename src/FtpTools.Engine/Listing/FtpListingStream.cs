using System;
using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>
    /// The one gate every listing passes, whichever protocol produced it: "." and ".." are left out, <see cref="RemoteNameGuard"/>
    /// decides which names may stand for entries of the directory, and the rest goes to the visitor as it comes, counted.
    /// So no consumer ever meets "../x" or "/etc/x" as an item, streamed or collected.
    /// </summary>
    public sealed class FtpListingStream
    {
        private readonly IFtpListingVisitor visitor;

        public FtpListingStream(string directory, IFtpListingVisitor visitor)
        {
            Directory = directory ?? throw new ArgumentNullException(nameof(directory));
            this.visitor = visitor ?? throw new ArgumentNullException(nameof(visitor));
        }

        public string Directory { get; }

        public int Items { get; private set; }

        public int UnparsedLines { get; private set; }

        public int RefusedEntries { get; private set; }

        /// <summary>Whether the listing named "." or ".." (which proves the directory exists, however empty).</summary>
        public bool SawDotEntries { get; private set; }

        public bool IsEmpty => Items == 0 && UnparsedLines == 0 && RefusedEntries == 0;

        /// <summary>An entry a parser or the SFTP server produced; null (a "total 12" line, an MLSD cdir entry) is ignored.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void Offer(FtpListItem? item)
        {
            if (item is null) return;
            if (item.Name == "." || item.Name == "..")
            {
                SawDotEntries = true;
                return;
            }

            var reason = RemoteNameGuard.WhyUnsafe(item, Directory);
            if (reason is null)
            {
                Items++;
                visitor.Item(item);
                return;
            }

            RefusedEntries++;
            visitor.RefusedEntry(new FtpRefusedEntry(item.Name, reason, item.RawLine));
        }

        public void Unparsed(string line)
        {
            UnparsedLines++;
            visitor.UnparsedLine(line);
        }

        public FtpListingCounts Finish(string command) => new FtpListingCounts(Directory, command, Items, UnparsedLines, RefusedEntries);
    }
}

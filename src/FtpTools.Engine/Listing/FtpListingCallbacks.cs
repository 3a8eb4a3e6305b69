using System;
using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>An <see cref="IFtpListingVisitor"/> made of delegates; unparsed lines and refused entries are ignored when no delegate is given.</summary>
    public sealed class FtpListingCallbacks : IFtpListingVisitor
    {
        private readonly Action<FtpListItem> item;
        private readonly Action<string>? unparsedLine;
        private readonly Action<FtpRefusedEntry>? refusedEntry;

        public FtpListingCallbacks(Action<FtpListItem> item, Action<string>? unparsedLine = null, Action<FtpRefusedEntry>? refusedEntry = null)
        {
            this.item = item ?? throw new ArgumentNullException(nameof(item));
            this.unparsedLine = unparsedLine;
            this.refusedEntry = refusedEntry;
        }

        [MethodImpl(HotPath.Optimized)]
        public void Item(FtpListItem item) => this.item(item);

        public void UnparsedLine(string line) => unparsedLine?.Invoke(line);

        public void RefusedEntry(FtpRefusedEntry entry) => refusedEntry?.Invoke(entry);
    }
}

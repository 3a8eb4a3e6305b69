using FtpTools.Engine;

namespace FtpTools.Benchmark;

/// <summary>The engine child's visitor for the listing scenario: counts what the listing delivers and keeps nothing.</summary>
internal sealed class ListingCounter : IFtpListingVisitor
{
    public int Items { get; private set; }

    public int UnparsedLines { get; private set; }

    public int RefusedEntries { get; private set; }

    public void Item(FtpListItem item) => Items++;

    public void UnparsedLine(string line) => UnparsedLines++;

    public void RefusedEntry(FtpRefusedEntry entry) => RefusedEntries++;
}

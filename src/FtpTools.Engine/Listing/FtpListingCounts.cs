namespace FtpTools.Engine
{
    /// <summary>What a streamed listing delivered: how many entries of each kind, and the command that produced it.</summary>
    public sealed class FtpListingCounts
    {
        public FtpListingCounts(string directory, string command, int items, int unparsedLines, int refusedEntries)
        {
            Directory = directory;
            Command = command;
            Items = items;
            UnparsedLines = unparsedLines;
            RefusedEntries = refusedEntries;
        }

        /// <summary>The absolute remote directory that was listed.</summary>
        public string Directory { get; }

        /// <summary>MLSD, LIST or READDIR.</summary>
        public string Command { get; }

        public int Items { get; }

        public int UnparsedLines { get; }

        public int RefusedEntries { get; }

        public bool IsEmpty => Items == 0 && UnparsedLines == 0 && RefusedEntries == 0;
    }
}

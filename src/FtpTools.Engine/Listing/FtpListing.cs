using System.Collections.Generic;

namespace FtpTools.Engine
{
    /// <summary>A directory listing: the items understood, and every line no parser understood (never dropped silently).</summary>
    public sealed class FtpListing
    {
        public FtpListing(string directory, IReadOnlyList<FtpListItem> items, IReadOnlyList<string> unparsedLines, string command)
        {
            Directory = directory;
            Items = items;
            UnparsedLines = unparsedLines;
            Command = command;
        }

        /// <summary>The absolute remote directory that was listed.</summary>
        public string Directory { get; }

        public IReadOnlyList<FtpListItem> Items { get; }

        public IReadOnlyList<string> UnparsedLines { get; }

        /// <summary>MLSD or LIST: what produced the listing.</summary>
        public string Command { get; }
    }
}

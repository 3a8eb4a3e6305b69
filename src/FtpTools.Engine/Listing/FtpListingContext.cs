using System;
using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>
    /// What a parser needs besides the line: the directory being listed (for FullName) and the clock (for the year of recent Unix
    /// entries). One context serves one listing on one thread: it also holds what the parsers reuse from line to line.
    /// </summary>
    public sealed class FtpListingContext
    {
        public FtpListingContext(string directory, IFtpClock clock)
        {
            Directory = directory ?? throw new ArgumentNullException(nameof(directory));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        /// <summary>The absolute remote directory being listed, e.g. "/" or "/in/2026".</summary>
        public string Directory { get; }

        public IFtpClock Clock { get; }

        internal ListingLineTokens LineTokens { get; } = new ListingLineTokens();

        internal RepeatedColumnText RepeatedText { get; } = new RepeatedColumnText();

        /// <summary>The full remote path of an entry named name in this directory.</summary>
        [MethodImpl(HotPath.Optimized)]
        public string Combine(string name) => FtpPath.Combine(Directory, name);
    }
}

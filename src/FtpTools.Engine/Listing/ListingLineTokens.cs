using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>A run of non-space characters in a listing line, kept as positions so columns are compared in place.</summary>
    internal readonly struct ListingToken
    {
        public readonly int Start;
        public readonly int End;

        public ListingToken(int start, int end)
        {
            Start = start;
            End = end;
        }

        public int Length => End - Start;
    }

    /// <summary>
    /// The space-separated tokens of the listing line being parsed, in one array reused for every line of a listing (one per
    /// <see cref="FtpListingContext"/>, which belongs to one listing on one thread).
    /// </summary>
    internal sealed class ListingLineTokens
    {
        private ListingToken[] tokens = new ListingToken[16];

        public int Count { get; private set; }

        public ListingToken this[int index] => tokens[index];

        /// <summary>Replaces the tokens with those of text.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void Split(string text)
        {
            Count = 0;
            var position = 0;
            while (true)
            {
                while (position < text.Length && text[position] == ' ') position++;
                if (position == text.Length) return;
                var start = position;
                while (position < text.Length && text[position] != ' ') position++;
                if (Count == tokens.Length) System.Array.Resize(ref tokens, tokens.Length * 2);
                tokens[Count++] = new ListingToken(start, position);
            }
        }
    }
}

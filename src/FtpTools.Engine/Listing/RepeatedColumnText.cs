using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>
    /// Columns that repeat from line to line of one listing (permissions, owner, group): a column equal to one of the last few
    /// made is given the same string again, so ten thousand entries of one owner hold one owner string, not ten thousand that
    /// each outlive the listing in every entry kept.
    /// </summary>
    internal sealed class RepeatedColumnText
    {
        private const int Remembered = 8;

        private readonly string?[] recent = new string?[Remembered];
        private int next;

        [MethodImpl(HotPath.Optimized)]
        public string Get(string text, int start, int length)
        {
            foreach (var candidate in recent)
            {
                if (candidate != null && candidate.Length == length && string.CompareOrdinal(candidate, 0, text, start, length) == 0) return candidate;
            }

            var made = text.Substring(start, length);
            recent[next] = made;
            next = (next + 1) % Remembered;
            return made;
        }
    }
}

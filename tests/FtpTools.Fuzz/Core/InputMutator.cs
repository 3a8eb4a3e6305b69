using System;
using System.Text;

namespace FtpTools.Fuzz
{
    /// <summary>Applies one to four random edits to a string: character flips, insertions, deletions, duplications, number swaps, splices, long repeats.</summary>
    public static class InputMutator
    {
        /// <summary>Repeats are capped so one input stays cheap to build; long names (10,000+ characters) still occur.</summary>
        public const int MaxLength = 64 * 1024;

        public static string Mutate(Random random, string input, string[] donors)
        {
            var text = new StringBuilder(input);
            var edits = 1 + random.Next(4);
            for (var i = 0; i < edits; i++) ApplyOne(random, text, donors);
            if (text.Length > MaxLength) text.Length = MaxLength;
            return text.ToString();
        }

        private static void ApplyOne(Random random, StringBuilder text, string[] donors)
        {
            var position = text.Length == 0 ? 0 : random.Next(text.Length + 1);
            switch (random.Next(12))
            {
                case 0: // replace one character
                    if (text.Length > 0) text[Math.Min(position, text.Length - 1)] = RandomChar(random);
                    break;
                case 1: // insert characters
                    for (var n = 1 + random.Next(3); n > 0; n--) text.Insert(position, RandomChar(random));
                    break;
                case 2: // delete a range
                    if (text.Length > 0)
                    {
                        var start = Math.Min(position, text.Length - 1);
                        text.Remove(start, Math.Min(text.Length - start, 1 + random.Next(8)));
                    }

                    break;
                case 3: // duplicate a range
                    if (text.Length > 0)
                    {
                        var start = Math.Min(position, text.Length - 1);
                        var length = Math.Min(text.Length - start, 1 + random.Next(16));
                        text.Insert(start, text.ToString(start, length));
                    }

                    break;
                case 4: // swap a run of digits for an interesting number
                    ReplaceDigits(random, text, position);
                    break;
                case 5: // truncate
                    text.Length = position;
                    break;
                case 6: // splice with another seed
                    var donor = donors[random.Next(donors.Length)];
                    var cut = random.Next(donor.Length + 1);
                    text.Length = position;
                    text.Append(donor, cut, donor.Length - cut);
                    break;
                case 7: // a long repeat: long names, long runs of spaces or digits
                    var unit = random.Next(3) == 0 && text.Length > 0 ? text.ToString(Math.Min(position, text.Length - 1), 1) : RandomChar(random).ToString();
                    var count = random.Next(10) == 0 ? 10_000 + random.Next(20_000) : 1 + random.Next(300);
                    text.Insert(position, Repeat(unit, count));
                    break;
                case 8: // flip the case of a character
                    if (text.Length > 0)
                    {
                        var index = Math.Min(position, text.Length - 1);
                        var c = text[index];
                        text[index] = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
                    }

                    break;
                case 9: // flip a bit
                    if (text.Length > 0)
                    {
                        var index = Math.Min(position, text.Length - 1);
                        text[index] = (char)(text[index] ^ (1 << random.Next(16)));
                    }

                    break;
                case 10: // insert an interesting number
                    text.Insert(position, SeedCorpus.InterestingNumbers[random.Next(SeedCorpus.InterestingNumbers.Length)]);
                    break;
                default: // collapse or widen whitespace
                    text.Replace(random.Next(2) == 0 ? "  " : " ", random.Next(2) == 0 ? " " : "\t");
                    break;
            }
        }

        public static char RandomChar(Random random) =>
            random.Next(4) == 0 ? (char)random.Next(0x10000) : SeedCorpus.Interesting[random.Next(SeedCorpus.Interesting.Length)];

        private static void ReplaceDigits(Random random, StringBuilder text, int position)
        {
            var start = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var index = (position + i) % text.Length;
                if (char.IsDigit(text[index]))
                {
                    start = index;
                    break;
                }
            }

            if (start < 0) return;
            while (start > 0 && char.IsDigit(text[start - 1])) start--;
            var end = start;
            while (end < text.Length && char.IsDigit(text[end])) end++;
            text.Remove(start, end - start);
            text.Insert(start, SeedCorpus.InterestingNumbers[random.Next(SeedCorpus.InterestingNumbers.Length)]);
        }

        private static string Repeat(string unit, int count)
        {
            var builder = new StringBuilder(unit.Length * count);
            for (var i = 0; i < count; i++) builder.Append(unit);
            return builder.ToString();
        }
    }
}

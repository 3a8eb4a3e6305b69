using System;
using System.Text;

namespace FtpTools.Fuzz
{
    /// <summary>Builds inputs from the grammar of each format with random field values, so parsers see many well-formed-looking lines, not only broken seeds.</summary>
    public static class InputGenerator
    {
        private static readonly string[] Months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "jan", "Foo", "Nov." };
        private static readonly string[] Names = { "probe.txt", ".", "..", "../../etc/passwd", "/abs", "a\\b", "C:\\x", "a b", " lead", "x -> y", "報告", "", "name;x", "-rf", "\0", "a\tb" };

        public static string UnixLine(Random random)
        {
            var builder = new StringBuilder();
            builder.Append("-dlcbps?"[random.Next(8)]);
            for (var i = 0; i < 9; i++) builder.Append("rwxsStT-"[random.Next(8)]);
            if (random.Next(5) == 0) builder.Append("+@."[random.Next(3)]);
            builder.Append(Spaces(random)).Append(Number(random));
            var columns = random.Next(4);
            for (var i = 0; i < columns; i++) builder.Append(Spaces(random)).Append(random.Next(2) == 0 ? "ftp" : Number(random));
            builder.Append(Spaces(random)).Append(random.Next(6) == 0 ? Number(random) + "," + Number(random) : Number(random));
            builder.Append(Spaces(random));
            switch (random.Next(3))
            {
                case 0:
                    builder.Append(Months[random.Next(Months.Length)]).Append(Spaces(random)).Append(random.Next(40)).Append(Spaces(random)).Append(Time(random));
                    break;
                case 1:
                    builder.Append(Months[random.Next(Months.Length)]).Append(Spaces(random)).Append(random.Next(40)).Append(Spaces(random)).Append(random.Next(10000).ToString("D4"));
                    break;
                default:
                    builder.Append(random.Next(10000).ToString("D4")).Append('-').Append(random.Next(14).ToString("D2")).Append('-').Append(random.Next(33).ToString("D2"))
                        .Append(' ').Append(Time(random));
                    break;
            }

            return builder.Append(' ').Append(Name(random)).ToString();
        }

        public static string DosLine(Random random)
        {
            var builder = new StringBuilder();
            var separator = random.Next(2) == 0 ? '-' : '/';
            builder.Append(random.Next(100).ToString("D2")).Append(separator).Append(random.Next(100).ToString("D2")).Append(separator)
                .Append(random.Next(2) == 0 ? random.Next(100).ToString("D2") : random.Next(10000).ToString("D4"));
            builder.Append(Spaces(random)).Append(random.Next(100)).Append(':').Append(random.Next(100).ToString("D2"));
            if (random.Next(2) == 0) builder.Append(random.Next(2) == 0 ? "AM" : "pm");
            builder.Append(Spaces(random)).Append(random.Next(3) == 0 ? "<DIR>" : Number(random)).Append(Spaces(random));
            return builder.Append(Name(random)).ToString();
        }

        public static string MlsdLine(Random random)
        {
            var facts = new[]
            {
                "type=" + new[] { "file", "dir", "cdir", "pdir", "OS.unix=symlink", "OS.unix=slink:/t", "OS.unix=chr-1/3", "" }[random.Next(8)],
                "size=" + Number(random), "sizd=" + Number(random), "modify=" + TimeVal(random), "create=" + TimeVal(random),
                "perm=" + "adfrwelcmp"[random.Next(10)], "UNIX.mode=" + Number(random), "UNIX.owner=" + Number(random), "unique=" + Number(random), "=x", "novalue",
            };
            var builder = new StringBuilder();
            var count = random.Next(6);
            for (var i = 0; i < count; i++) builder.Append(facts[random.Next(facts.Length)]).Append(';');
            return builder.Append(random.Next(8) == 0 ? string.Empty : " ").Append(Name(random)).ToString();
        }

        public static string PasvText(Random random) =>
            "Entering Passive Mode (" + string.Join(random.Next(3) == 0 ? ", " : ",", Numbers(random, 4 + random.Next(4))) + ")" + (random.Next(2) == 0 ? "." : string.Empty);

        public static string EpsvText(Random random)
        {
            var delimiter = "|!#"[random.Next(3)];
            var fields = random.Next(4) == 0 ? "1" + delimiter + "127.0.0.1" + delimiter : new string(delimiter, random.Next(4));
            return "Entering Extended Passive Mode (" + delimiter + fields + Number(random) + new string(delimiter, random.Next(3)) + ")";
        }

        public static string DirectoryText(Random random)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(4); n > 0; n--) builder.Append(random.Next(2) == 0 ? "\"" : "\"\"").Append(Name(random));
            return builder.Append(random.Next(2) == 0 ? " is the current directory" : string.Empty).ToString();
        }

        /// <summary>A control-connection byte stream: single and multi-line replies, sometimes with a missing end.</summary>
        public static string ReplyStream(Random random)
        {
            var builder = new StringBuilder();
            for (var reply = 1 + random.Next(3); reply > 0; reply--)
            {
                var code = (100 + random.Next(560)).ToString();
                if (random.Next(2) == 0)
                {
                    builder.Append(code).Append('-').Append("First line").Append(Newline(random));
                    for (var n = random.Next(5); n > 0; n--) builder.Append(random.Next(3) == 0 ? code + "-" : " ").Append(Name(random)).Append(Newline(random));
                    if (random.Next(6) != 0) builder.Append(random.Next(4) == 0 ? (100 + random.Next(500)).ToString() : code).Append(" End").Append(Newline(random));
                }
                else
                {
                    builder.Append(code).Append(random.Next(8) == 0 ? string.Empty : " Text").Append(Newline(random));
                }
            }

            return builder.ToString();
        }

        private static string Newline(Random random) => random.Next(6) == 0 ? "\n" : "\r\n";

        private static string Name(Random random) =>
            random.Next(3) == 0 ? Names[random.Next(Names.Length)] : "f" + random.Next(1000) + (random.Next(4) == 0 ? " " + InputMutator.RandomChar(random) : ".txt");

        private static string Number(Random random) =>
            random.Next(5) == 0 ? SeedCorpus.InterestingNumbers[random.Next(SeedCorpus.InterestingNumbers.Length)] : random.Next(100000).ToString();

        private static string[] Numbers(Random random, int count)
        {
            var numbers = new string[count];
            for (var i = 0; i < count; i++) numbers[i] = random.Next(4) == 0 ? Number(random) : random.Next(256).ToString();
            return numbers;
        }

        private static string Time(Random random) => random.Next(30) + ":" + random.Next(70).ToString("D2") + (random.Next(5) == 0 ? ":" + random.Next(70).ToString("D2") : string.Empty);

        private static string TimeVal(Random random) =>
            random.Next(4) == 0 ? SeedCorpus.InterestingNumbers[random.Next(SeedCorpus.InterestingNumbers.Length)]
                : random.Next(10000).ToString("D4") + random.Next(14).ToString("D2") + random.Next(33).ToString("D2") + random.Next(25).ToString("D2") + random.Next(61).ToString("D2")
                  + random.Next(61).ToString("D2") + (random.Next(3) == 0 ? "." + random.Next(100000000) : string.Empty);

        private static string Spaces(Random random) => new string(' ', 1 + random.Next(random.Next(10) == 0 ? 40 : 4));
    }
}

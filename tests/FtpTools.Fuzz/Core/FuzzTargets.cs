using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FtpTools.Engine;

namespace FtpTools.Fuzz
{
    /// <summary>Every parser that reads what a server sends: the reply reader, 227/229/257, and each listing parser and their chain.</summary>
    public static class FuzzTargets
    {
        private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1");
        private static readonly FtpListingContext Context = new FtpListingContext("/in/2026", new FixedFuzzClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));
        private static readonly string[] AllLines = SeedCorpus.UnixLines.Concat(SeedCorpus.DosLines).Concat(SeedCorpus.MlsdLines).ToArray();

        public static IReadOnlyList<FuzzTarget> All { get; } = new[]
        {
            new FuzzTarget("reply-reader", "FtpProtocolException", Mix(SeedCorpus.ReplyStreams, InputGenerator.ReplyStream), ReadReplies, e => e is FtpProtocolException),
            new FuzzTarget("feat-211", "none", Mix(SeedCorpus.ReplyStreams, InputGenerator.ReplyStream), ParseFeatures, _ => false),
            new FuzzTarget("pasv-227", "FtpProtocolException", Mix(SeedCorpus.PasvTexts, InputGenerator.PasvText), ParsePasv, e => e is FtpProtocolException),
            new FuzzTarget("epsv-229", "FtpProtocolException", Mix(SeedCorpus.EpsvTexts, InputGenerator.EpsvText), ParseEpsv, e => e is FtpProtocolException),
            new FuzzTarget("pwd-257", "none (null when no path)", Mix(SeedCorpus.DirectoryTexts, InputGenerator.DirectoryText), text => DirectoryReplyParser.ParsePath(new FtpReply(257, new[] { text })), _ => false),
            new FuzzTarget("unix-list", "none (false when not a Unix line)", Mix(SeedCorpus.UnixLines, InputGenerator.UnixLine), line => ParseLine(new UnixListingParser(), line), _ => false),
            new FuzzTarget("dos-list", "none (false when not a DOS line)", Mix(SeedCorpus.DosLines, InputGenerator.DosLine), line => ParseLine(new DosListingParser(), line), _ => false),
            new FuzzTarget("mlsd", "none (false when not a fact line)", Mix(SeedCorpus.MlsdLines, InputGenerator.MlsdLine), line => ParseLine(new MlsdParser(), line), _ => false),
            new FuzzTarget("mlst", "none (null when no entry)", Mix(SeedCorpus.ReplyStreams, random => "250-Start\n " + InputGenerator.MlsdLine(random) + "\n250 End"), ParseMlst, _ => false),
            new FuzzTarget("parser-chain", "none (unparsed lines kept)", ListingBlock, ParseChain, _ => false),
        };

        public static FuzzTarget Find(string name) =>
            All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) ?? throw new ArgumentException("No fuzz target named " + name + ".", nameof(name));

        /// <summary>Four in ten inputs mutate a captured line, three are generated, two mutate a generated one, one is random characters.</summary>
        private static Func<Random, string> Mix(string[] seeds, Func<Random, string> generate) => random =>
        {
            var pick = random.Next(10);
            if (pick < 4) return InputMutator.Mutate(random, seeds[random.Next(seeds.Length)], seeds);
            if (pick < 7) return generate(random);
            if (pick < 9) return InputMutator.Mutate(random, generate(random), seeds);
            var noise = new char[random.Next(200)];
            for (var i = 0; i < noise.Length; i++) noise[i] = InputMutator.RandomChar(random);
            return new string(noise);
        };

        private static string ListingBlock(Random random)
        {
            var lines = new List<string>();
            for (var n = 1 + random.Next(8); n > 0; n--)
            {
                switch (random.Next(4))
                {
                    case 0: lines.Add(InputGenerator.UnixLine(random)); break;
                    case 1: lines.Add(InputGenerator.DosLine(random)); break;
                    case 2: lines.Add(InputGenerator.MlsdLine(random)); break;
                    default: lines.Add(InputMutator.Mutate(random, AllLines[random.Next(AllLines.Length)], AllLines)); break;
                }
            }

            return string.Join(random.Next(3) == 0 ? "\n" : "\r\n", lines);
        }

        private static void ReadReplies(string text)
        {
            // Half the inputs are bytes that are not UTF-8, to reach the Latin-1 fallback.
            var bytes = (text.Length % 2 == 0 ? Encoding.UTF8 : Latin1).GetBytes(text);
            var lines = new FtpLineReader(new MemoryStream(bytes));
            var replies = new FtpReplyReader();
            string? line;
            while ((line = lines.ReadLine()) != null)
            {
                var reply = replies.Feed(line);
                if (reply != null && (reply.Code < 100 || reply.Code > 599 || reply.Lines.Count == 0)) throw new FuzzInvariantException("reply " + reply.Code + " with " + reply.Lines.Count + " lines");
            }
        }

        /// <summary>FEAT's lines as the reply reader hands them over: the input split at line ends, the code prefixes already off.</summary>
        private static void ParseFeatures(string text)
        {
            var features = FtpFeatures.Parse(new FtpReply(211, FtpListingParserChain.SplitLines(text)));
            foreach (var name in features.Names) features.HasAuth(name);
            var algorithms = features.HashAlgorithms;
            if (algorithms is null) throw new FuzzInvariantException("no hash algorithm list");
        }

        private static void ParsePasv(string text)
        {
            var endPoint = PassiveReplyParser.ParsePasv(new FtpReply(227, new[] { text }));
            if (endPoint.Port < 0 || endPoint.Port > 65535) throw new FuzzInvariantException("port " + endPoint.Port);
        }

        private static void ParseEpsv(string text)
        {
            var port = PassiveReplyParser.ParseEpsvPort(new FtpReply(229, new[] { text }));
            if (port < 1 || port > 65535) throw new FuzzInvariantException("port " + port);
        }

        private static void ParseLine(IFtpListingParser parser, string line)
        {
            if (parser.TryParse(line, Context, out var item) && item != null) CheckItem(item);
        }

        private static void ParseMlst(string text)
        {
            var item = new FtpListingParserChain().ParseMlst(text.Split('\n'), Context);
            if (item != null) CheckItem(item);
        }

        private static void ParseChain(string text)
        {
            var chain = new FtpListingParserChain();
            var lines = FtpListingParserChain.SplitLines(text);
            foreach (var listing in new[] { chain.ParseList(lines, Context), chain.ParseMlsd(lines, Context) })
            {
                if (listing.Items.Count + listing.UnparsedLines.Count > lines.Count) throw new FuzzInvariantException("more entries than lines");
                foreach (var item in listing.Items)
                {
                    CheckItem(item);
                    if (item.Name == "." || item.Name == "..") throw new FuzzInvariantException("the chain returned " + item.Name);
                }
            }
        }

        private static void CheckItem(FtpListItem item)
        {
            if (item.Name is null || item.FullName is null) throw new FuzzInvariantException("item without a name");
            if (item.Length < 0) throw new FuzzInvariantException("negative length " + item.Length);
        }

        private sealed class FixedFuzzClock : IFtpClock
        {
            public FixedFuzzClock(DateTimeOffset now) => UtcNow = now;

            public DateTimeOffset UtcNow { get; }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>
    /// Turns the lines of a LIST or MLSD reply into listing entries, one line at a time (<see cref="ParseLine"/>), or into an
    /// <see cref="FtpListing"/>: each LIST line goes to the parsers in
    /// order until one understands it; lines none understands are kept in UnparsedLines, never dropped; blank lines are
    /// ignored; "." and ".." (and MLSD's cdir/pdir entries) are left out.
    /// </summary>
    public sealed class FtpListingParserChain
    {
        public const string ListCommand = "LIST";
        public const string MlsdCommand = "MLSD";

        /// <summary>What is trimmed from the end of every listing line (one array, not one per call).</summary>
        internal static readonly char[] LineEndChars = { '\r', '\n' };

        /// <summary>The default chain: Unix "ls -l" lines, then IIS/DOS lines.</summary>
        public FtpListingParserChain()
            : this(new IFtpListingParser[] { new UnixListingParser(), new DosListingParser() })
        {
        }

        /// <summary>A chain with LIST parsers tried in the given order (put a custom parser first to take precedence).</summary>
        public FtpListingParserChain(IEnumerable<IFtpListingParser> listParsers)
            : this(listParsers, new MlsdParser())
        {
        }

        public FtpListingParserChain(IEnumerable<IFtpListingParser> listParsers, MlsdParser mlsdParser)
        {
            if (listParsers is null) throw new ArgumentNullException(nameof(listParsers));
            var parsers = listParsers.ToList();
            if (parsers.Any(parser => parser is null)) throw new ArgumentException("A listing parser is null.", nameof(listParsers));
            ListParsers = parsers.AsReadOnly();
            MlsdParser = mlsdParser ?? throw new ArgumentNullException(nameof(mlsdParser));
        }

        /// <summary>The LIST parsers, in the order they are tried.</summary>
        public IReadOnlyList<IFtpListingParser> ListParsers { get; }

        public MlsdParser MlsdParser { get; }

        public FtpListing ParseList(IEnumerable<string> lines, string directory, IFtpClock clock) =>
            ParseList(lines, new FtpListingContext(directory, clock));

        public FtpListing ParseList(IEnumerable<string> lines, FtpListingContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            return Parse(lines, context, ListCommand);
        }

        public FtpListing ParseMlsd(IEnumerable<string> lines, string directory, IFtpClock clock) =>
            ParseMlsd(lines, new FtpListingContext(directory, clock));

        public FtpListing ParseMlsd(IEnumerable<string> lines, FtpListingContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            return Parse(lines, context, MlsdCommand);
        }

        /// <summary>
        /// The entry of an MLST reply: the first reply line (FtpReply.Lines) that parses as "facts; path".
        /// context.Directory should be the working directory, for servers that answer with a relative path.
        /// Null when no line holds an entry.
        /// </summary>
        public FtpListItem? ParseMlst(IEnumerable<string> replyLines, FtpListingContext context)
        {
            if (replyLines is null) throw new ArgumentNullException(nameof(replyLines));
            if (context is null) throw new ArgumentNullException(nameof(context));

            // RFC 3659 7.2: the entry is the reply line that starts with a space; the first and last lines are free text.
            foreach (var line in replyLines)
            {
                if (line is null || !line.StartsWith(" ", StringComparison.Ordinal)) continue;
                if (MlsdParser.TryParseMlst(line, context, out var item) && item != null) return item;
            }

            return null;
        }

        /// <summary>Splits data-connection text into lines on CRLF, LF or CR.</summary>
        public static IReadOnlyList<string> SplitLines(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            return text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        }

        [MethodImpl(HotPath.Optimized)]
        private bool TryParseListLine(string line, FtpListingContext context, out FtpListItem? item)
        {
            foreach (var parser in ListParsers)
            {
                if (parser.TryParse(line, context, out item)) return true;
            }

            item = null;
            return false;
        }

        /// <summary>
        /// Parses one line of a LIST or MLSD answer (command: ListCommand or MlsdCommand) into the stream: an entry, an unparsed
        /// line, or nothing (blank lines, "total 12", "." and ".."). Listings are read through this one line at a time.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public void ParseLine(string rawLine, string command, FtpListingContext context, FtpListingStream stream)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            if (rawLine is null) return;
            var line = rawLine.TrimEnd(LineEndChars);
            if (line.Trim().Length == 0) return;

            var understood = command == MlsdCommand ? MlsdParser.TryParse(line, context, out var item) : TryParseListLine(line, context, out item);
            if (understood) stream.Offer(item);
            else stream.Unparsed(line);
        }

        private FtpListing Parse(IEnumerable<string> lines, FtpListingContext context, string command)
        {
            if (lines is null) throw new ArgumentNullException(nameof(lines));
            var collector = new FtpListingCollector();
            var stream = new FtpListingStream(context.Directory, collector);
            foreach (var line in lines) ParseLine(line, command, context, stream);
            return collector.ToListing(stream.Finish(command));
        }
    }
}

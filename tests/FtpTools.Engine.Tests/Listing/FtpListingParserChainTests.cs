using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static FtpTools.Engine.Tests.Listing.ListingTestSupport;

namespace FtpTools.Engine.Tests.Listing
{
    public sealed class FtpListingParserChainTests
    {
        public static TheoryData<string, string[], string[], string[]> ListReplies => new TheoryData<string, string[], string[], string[]>
        {
            {
                "vsftpd LIST -la",
                new[]
                {
                    "drwxr-xr-x    2 1001     1001         4096 Nov 21 05:05 .",
                    "drwxr-xr-x    2 1001     1001         4096 Nov 21 05:05 ..",
                    "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt",
                },
                new[] { "/pub/probe.txt" },
                new string[0]
            },
            {
                "ProFTPD LIST -la with a symlink",
                new[]
                {
                    "drwxr-xr-x   2 ftptest  ftptest      4096 Nov 21 05:05 .",
                    "drwxr-xr-x   2 ftptest  ftptest      4096 Nov 21 05:05 ..",
                    "lrwxrwxrwx   1 ftptest  ftptest        10 Nov 21 05:05 probe-link.txt -> /probe.txt",
                    "-rw-r--r--   1 ftptest  ftptest      1400 Jan  2  2021 probe.txt",
                },
                new[] { "/pub/probe-link.txt", "/pub/probe.txt" },
                new string[0]
            },
            {
                "ls -l with total, blank lines and noise",
                new[]
                {
                    "total 12",
                    "",
                    "   ",
                    "-rw-r--r--    1 1001       ftptest          1400 Jan  2  2020 probe.txt\r",
                    "this is not a listing line",
                    "crw-rw-rw- 1 root root 1, 3 Nov 21 09:15 null",
                    "-rw-r--r--    1 1001     1001     6442450944 Nov 21 05:05 big.iso",
                    "d?????????  ? ?        ?               ?            ? broken",
                },
                new[] { "/pub/probe.txt", "/pub/null", "/pub/big.iso" },
                new[] { "this is not a listing line", "d?????????  ? ?        ?               ?            ? broken" }
            },
            {
                "IIS (DOS style)",
                new[]
                {
                    "11-21-26  09:15AM       <DIR>          aspnet_client",
                    "11-21-26  09:15AM                 1234 name with spaces.txt",
                    "11-21-2026  09:15PM              6442450944 big.iso",
                },
                new[] { "/pub/aspnet_client", "/pub/name with spaces.txt", "/pub/big.iso" },
                new string[0]
            },
            {
                "Unix and DOS lines mixed, garbage kept in order",
                new[]
                {
                    "garbage one",
                    "-rw-------   1 ftptest  ftptest      1400 Jan 02  2020 probe.txt",
                    "garbage two",
                    "11-21-26  21:15                    5 dos.txt",
                },
                new[] { "/pub/probe.txt", "/pub/dos.txt" },
                new[] { "garbage one", "garbage two" }
            },
            {
                "empty listing",
                new string[0],
                new string[0],
                new string[0]
            },
        };

        [Theory]
        [MemberData(nameof(ListReplies))]
        public void ParseList_keeps_entries_and_reports_unparsed_lines(string description, string[] lines, string[] expectedFullNames, string[] expectedUnparsed)
        {
            var listing = new FtpListingParserChain().ParseList(lines, "/pub", new FixedClock(Utc(LabNow)));

            Assert.True(expectedFullNames.SequenceEqual(listing.Items.Select(item => item.FullName)), description + ": " + string.Join(", ", listing.Items));
            Assert.Equal(expectedUnparsed, listing.UnparsedLines);
            Assert.Equal("/pub", listing.Directory);
            Assert.Equal("LIST", listing.Command);
        }

        [Fact]
        public void ParseList_gives_each_line_to_the_first_parser_that_understands_it()
        {
            var claimAll = new ClaimingParser("claimed");
            var chain = new FtpListingParserChain(new IFtpListingParser[] { claimAll, new UnixListingParser() });

            var listing = chain.ParseList(new[] { "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt" }, Context("/"));

            Assert.Equal("claimed", Assert.Single(listing.Items).Name);
            Assert.Equal(1, claimAll.Calls);
        }

        [Fact]
        public void ParseList_with_a_custom_order_falls_through_to_later_parsers()
        {
            var chain = new FtpListingParserChain(new IFtpListingParser[] { new DosListingParser(), new UnixListingParser() });

            var listing = chain.ParseList(
                new[] { "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 unix.txt", "11-21-26  09:15AM                 1 dos.txt" },
                Context("/"));

            Assert.Equal(new[] { "unix.txt", "dos.txt" }, listing.Items.Select(item => item.Name));
            Assert.Equal(new[] { typeof(DosListingParser), typeof(UnixListingParser) }, chain.ListParsers.Select(parser => parser.GetType()));
        }

        [Fact]
        public void ParseList_without_a_parser_for_a_format_reports_its_lines_as_unparsed()
        {
            var chain = new FtpListingParserChain(new IFtpListingParser[] { new DosListingParser() });
            const string unixLine = "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt";

            var listing = chain.ParseList(new[] { unixLine }, Context("/"));

            Assert.Empty(listing.Items);
            Assert.Equal(new[] { unixLine }, listing.UnparsedLines);
        }

        [Fact]
        public void Default_chain_tries_unix_then_dos()
        {
            Assert.Equal(new[] { typeof(UnixListingParser), typeof(DosListingParser) }, new FtpListingParserChain().ListParsers.Select(parser => parser.GetType()));
        }

        [Fact]
        public void ParseList_uses_the_clock_for_the_year_of_recent_entries()
        {
            var listing = new FtpListingParserChain().ParseList(
                new[] { "-rw-r--r--    1 1001     1001         1400 Dec 31 23:59 old.txt" },
                "/",
                new FixedClock(Utc("2027-01-01T00:30:00Z")));

            AssertTime("2026-12-31T23:59:00Z", Assert.Single(listing.Items).LastWriteTime);
        }

        public static TheoryData<string, string[], string[], string[]> MlsdReplies => new TheoryData<string, string[], string[], string[]>
        {
            {
                "Pure-FTPd",
                new[]
                {
                    "type=cdir;sizd=4096;modify=20261121050524;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd4004; .",
                    "type=pdir;sizd=4096;modify=20261121050524;UNIX.mode=0755;UNIX.uid=0;UNIX.gid=0;unique=fe00gd4002; ..",
                    "type=file;size=1400;modify=20200101000000;UNIX.mode=0600;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd401e; probe.txt",
                },
                new[] { "/pub/probe.txt" },
                new string[0]
            },
            {
                "ProFTPD",
                new[]
                {
                    "modify=20261121050527;perm=adfrw;size=10;type=OS.unix=symlink;unique=FE00UD401F; probe-link.txt",
                    "modify=20261121050527;perm=flcdmpe;type=cdir;unique=FE00UD4004; .",
                    "modify=20261121050527;perm=flcdmpe;type=pdir;unique=FE00UD4004; ..",
                    "modify=20210102030405;perm=adfrw;size=1400;type=file;unique=FE00UD401F;UNIX.group=1001;UNIX.groupname=ftptest;UNIX.mode=0644;UNIX.owner=1001;UNIX.ownername=ftptest; probe.txt",
                },
                new[] { "/pub/probe-link.txt", "/pub/probe.txt" },
                new string[0]
            },
            {
                "dir entries named . and .., blank lines and noise",
                new[]
                {
                    "type=dir;modify=20261121050527; .",
                    "type=dir;modify=20261121050527; ..",
                    "",
                    "type=dir;modify=20261121050527; sub; dir",
                    "not an mlsd line",
                    "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt",
                },
                new[] { "/pub/sub; dir" },
                new[] { "not an mlsd line", "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt" }
            },
        };

        [Theory]
        [MemberData(nameof(MlsdReplies))]
        public void ParseMlsd_keeps_entries_and_reports_unparsed_lines(string description, string[] lines, string[] expectedFullNames, string[] expectedUnparsed)
        {
            var listing = new FtpListingParserChain().ParseMlsd(lines, Context("/pub"));

            Assert.True(expectedFullNames.SequenceEqual(listing.Items.Select(item => item.FullName)), description + ": " + string.Join(", ", listing.Items));
            Assert.Equal(expectedUnparsed, listing.UnparsedLines);
            Assert.Equal("/pub", listing.Directory);
            Assert.Equal("MLSD", listing.Command);
        }

        [Theory]
        // FtpReply.Lines of real MLST replies: codes removed from the first and last line.
        [InlineData(new[] { "Start of list for probe.txt", " modify=20210102030405;perm=adfrw;size=1400;type=file;unique=FE00UD401F;UNIX.group=1001;UNIX.groupname=ftptest;UNIX.mode=0644;UNIX.owner=1001;UNIX.ownername=ftptest; /probe.txt", "End of list" }, "/probe.txt", 1400L)]
        [InlineData(new[] { "Begin", " type=file;size=1400;modify=20200102030405;UNIX.mode=0644;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd401e; probe.txt", "End." }, "/home/probe.txt", 1400L)]
        [InlineData(new[] { "Listing \"/probe.txt\":", " modify=20200102030405;perm=radfwMT;size=1400;type=file;unique=fe00gd4022; /probe.txt", "End MLST." }, "/probe.txt", 1400L)]
        public void ParseMlst_finds_the_entry_line_of_the_reply(string[] replyLines, string fullName, long length)
        {
            var item = new FtpListingParserChain().ParseMlst(replyLines, Context("/home"));

            Assert.NotNull(item);
            Assert.Equal(fullName, item!.FullName);
            Assert.Equal("probe.txt", item.Name);
            Assert.Equal(length, item.Length);
        }

        [Fact]
        public void ParseMlst_without_an_entry_line_gives_null()
        {
            Assert.Null(new FtpListingParserChain().ParseMlst(new[] { "Start of list", " not facts", "End" }, Context("/")));
        }

        [Theory]
        [InlineData("a\r\nb\r\n", new[] { "a", "b", "" })]
        [InlineData("a\nb", new[] { "a", "b" })]
        [InlineData("a\rb\r\n\r\nc", new[] { "a", "b", "", "c" })]
        [InlineData("", new[] { "" })]
        public void SplitLines_splits_on_any_line_ending(string text, string[] expected)
        {
            Assert.Equal(expected, FtpListingParserChain.SplitLines(text));
        }

        [Fact]
        public void Constructor_rejects_missing_parsers()
        {
            Assert.Throws<ArgumentNullException>(() => new FtpListingParserChain((IEnumerable<IFtpListingParser>)null!));
            Assert.Throws<ArgumentException>(() => new FtpListingParserChain(new IFtpListingParser[] { null! }));
        }

        private sealed class ClaimingParser : IFtpListingParser
        {
            private readonly string _name;

            public ClaimingParser(string name) => _name = name;

            public int Calls { get; private set; }

            public bool TryParse(string line, FtpListingContext context, out FtpListItem? item)
            {
                Calls++;
                item = new FtpListItem(_name, context.Combine(_name), FtpItemType.File);
                return true;
            }
        }
    }
}

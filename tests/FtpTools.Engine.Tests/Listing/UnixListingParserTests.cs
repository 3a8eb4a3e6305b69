using System;
using System.Globalization;
using Xunit;
using static FtpTools.Engine.Tests.Listing.ListingTestSupport;

namespace FtpTools.Engine.Tests.Listing
{
    public sealed class UnixListingParserTests
    {
        [Theory]
        // Captured from the lab servers (ftplab-reference/feat).
        [InlineData("drwxr-xr-x    2 1001     1001         4096 Nov 21 05:05 .", ".", "/.", FtpItemType.Directory, 4096L, "2026-11-21T05:05:00Z", "rwxr-xr-x", "1001", "1001", null)]
        [InlineData("drwxr-xr-x    2 1001     1001         4096 Nov 21 05:05 ..", "..", "/..", FtpItemType.Directory, 4096L, "2026-11-21T05:05:00Z", "rwxr-xr-x", "1001", "1001", null)]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt", "probe.txt", "/probe.txt", FtpItemType.File, 1400L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        [InlineData("drwxr-xr-x    2 1001       ftptest          4096 Nov 21 05:05 .", ".", "/.", FtpItemType.Directory, 4096L, "2026-11-21T05:05:00Z", "rwxr-xr-x", "1001", "ftptest", null)]
        [InlineData("-rw-r--r--    1 1001       ftptest          1400 Jan  2  2020 probe.txt", "probe.txt", "/probe.txt", FtpItemType.File, 1400L, "2020-01-02T00:00:00Z", "rw-r--r--", "1001", "ftptest", null)]
        [InlineData("drwxr-xr-x   2 ftptest  ftptest      4096 Nov 21 05:05 ..", "..", "/..", FtpItemType.Directory, 4096L, "2026-11-21T05:05:00Z", "rwxr-xr-x", "ftptest", "ftptest", null)]
        [InlineData(" -rw-r--r--   1 ftptest  ftptest      1400 Jan  2  2021 probe.txt", "probe.txt", "/probe.txt", FtpItemType.File, 1400L, "2021-01-02T00:00:00Z", "rw-r--r--", "ftptest", "ftptest", null)]
        [InlineData("-rw-------   1 ftptest  ftptest      1400 Jan 02  2020 probe.txt", "probe.txt", "/probe.txt", FtpItemType.File, 1400L, "2020-01-02T00:00:00Z", "rw-------", "ftptest", "ftptest", null)]
        // Symbolic link, as ProFTPD lists the SITE SYMLINK probe-link.txt.
        [InlineData("lrwxrwxrwx   1 ftptest  ftptest        10 Nov 21 05:05 probe-link.txt -> /probe.txt", "probe-link.txt", "/probe-link.txt", FtpItemType.SymbolicLink, 10L, "2026-11-21T05:05:00Z", "rwxrwxrwx", "ftptest", "ftptest", "/probe.txt")]
        [InlineData("lrwxrwxrwx   1 root     root           21 Nov 21 05:05 my link -> ../target dir/a b", "my link", "/my link", FtpItemType.SymbolicLink, 21L, "2026-11-21T05:05:00Z", "rwxrwxrwx", "root", "root", "../target dir/a b")]
        // Over 4 GiB.
        [InlineData("-rw-r--r--    1 1001     1001     6442450944 Nov 21 05:05 big.iso", "big.iso", "/big.iso", FtpItemType.File, 6442450944L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        // Names: inner double space, leading '-', leading spaces, non-ASCII, a date inside the name.
        [InlineData("-rw-r--r--    1 1001     1001           12 Nov 21 05:05 my  report.txt", "my  report.txt", "/my  report.txt", FtpItemType.File, 12L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        [InlineData("-rw-r--r--    1 1001     1001           12 Nov 21 05:05 -rf", "-rf", "/-rf", FtpItemType.File, 12L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        [InlineData("-rw-r--r--    1 1001     1001           12 Nov 21 05:05   indented.txt", "  indented.txt", "/  indented.txt", FtpItemType.File, 12L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        [InlineData("-rw-r--r--    1 1001     1001          100 Nov 21 05:05 café.txt", "café.txt", "/café.txt", FtpItemType.File, 100L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        [InlineData("-rw-r--r--    1 1001     1001          100 Nov 21 05:05 報告 2026.txt", "報告 2026.txt", "/報告 2026.txt", FtpItemType.File, 100L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 Nov 21 05:05 copy", "Nov 21 05:05 copy", "/Nov 21 05:05 copy", FtpItemType.File, 1400L, "2026-11-21T05:05:00Z", "rw-r--r--", "1001", "1001", null)]
        // Devices, pipes, sockets: "major, minor" in the size column, no length.
        [InlineData("crw-rw-rw- 1 root root 1, 3 Nov 21 09:15 null", "null", "/null", FtpItemType.Other, null, "2026-11-21T09:15:00Z", "rw-rw-rw-", "root", "root", null)]
        [InlineData("brw-rw----   1 root     disk     259,0 Nov 20 08:00 nvme0n1", "nvme0n1", "/nvme0n1", FtpItemType.Other, null, "2026-11-20T08:00:00Z", "rw-rw----", "root", "disk", null)]
        [InlineData("prw-r--r--   1 ftp      ftp             0 Nov 21 05:05 fifo", "fifo", "/fifo", FtpItemType.Other, 0L, "2026-11-21T05:05:00Z", "rw-r--r--", "ftp", "ftp", null)]
        [InlineData("srwxrwxrwx   1 ftp      ftp             0 Nov 21 05:05 agent.sock", "agent.sock", "/agent.sock", FtpItemType.Other, 0L, "2026-11-21T05:05:00Z", "rwxrwxrwx", "ftp", "ftp", null)]
        // Special bits and ACL / xattr / SELinux markers after the mode.
        [InlineData("drwxrwxrwt+  12 root     root         4096 Nov 21 05:05 tmp", "tmp", "/tmp", FtpItemType.Directory, 4096L, "2026-11-21T05:05:00Z", "rwxrwxrwt", "root", "root", null)]
        [InlineData("-rwsr-Sr-T@   1 root     wheel          42 Nov 21 05:05 odd", "odd", "/odd", FtpItemType.File, 42L, "2026-11-21T05:05:00Z", "rwsr-Sr-T", "root", "wheel", null)]
        [InlineData("-rw-r--r--.   1 apache   apache        512 Nov 21 05:05 index.html", "index.html", "/index.html", FtpItemType.File, 512L, "2026-11-21T05:05:00Z", "rw-r--r--", "apache", "apache", null)]
        [InlineData("drwxr-sr-x    3 1001     1001         4096 Nov 21 05:05 shared", "shared", "/shared", FtpItemType.Directory, 4096L, "2026-11-21T05:05:00Z", "rwxr-sr-x", "1001", "1001", null)]
        // Missing group column (owner only).
        [InlineData("-rw-r--r--   1 ftp           1400 Nov 21 05:05 nogroup.txt", "nogroup.txt", "/nogroup.txt", FtpItemType.File, 1400L, "2026-11-21T05:05:00Z", "rw-r--r--", "ftp", null, null)]
        public void Parses_entry_fields(string line, string name, string fullName, FtpItemType type, long? length, string lastWriteTime, string permissions, string owner, string? group, string? linkTarget)
        {
            var parsed = new UnixListingParser().TryParse(line, Context("/"), out var item);

            Assert.True(parsed);
            Assert.NotNull(item);
            Assert.Equal(name, item!.Name);
            Assert.Equal(fullName, item.FullName);
            Assert.Equal(type, item.Type);
            Assert.Equal(length, item.Length);
            AssertTime(lastWriteTime, item.LastWriteTime);
            Assert.Equal(permissions, item.Permissions);
            Assert.Equal(owner, item.Owner);
            Assert.Equal(group, item.Group);
            Assert.Equal(linkTarget, item.LinkTarget);
            Assert.Equal(line, item.RawLine);
            Assert.Null(item.Facts);
        }

        [Theory]
        [InlineData("/", "probe.txt", "/probe.txt")]
        [InlineData("/in/2026", "probe.txt", "/in/2026/probe.txt")]
        [InlineData("/in/", "a b.txt", "/in/a b.txt")]
        public void FullName_combines_directory_and_name(string directory, string name, string fullName)
        {
            var line = "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 " + name;

            Assert.True(new UnixListingParser().TryParse(line, Context(directory), out var item));

            Assert.Equal(fullName, item!.FullName);
        }

        [Theory]
        // Recent lines have no year: the clock's year, unless that is more than a day ahead of the clock.
        [InlineData("2026-11-21T12:00:00Z", "Nov 21 05:05", "2026-11-21T05:05:00Z")]
        [InlineData("2027-01-01T00:30:00Z", "Dec 31 23:59", "2026-12-31T23:59:00Z")]
        [InlineData("2027-01-01T00:30:00Z", "Jan  1 00:10", "2027-01-01T00:10:00Z")]
        [InlineData("2026-11-21T12:00:00Z", "Nov 22 11:00", "2026-11-22T11:00:00Z")]
        [InlineData("2026-11-21T12:00:00Z", "Nov 22 13:00", "2025-11-22T13:00:00Z")]
        [InlineData("2026-11-21T12:00:00Z", "May 30 17:45", "2026-05-30T17:45:00Z")]
        [InlineData("2026-03-01T08:00:00Z", "Dec  5 08:00", "2025-12-05T08:00:00Z")]
        [InlineData("2025-01-10T00:00:00Z", "Feb 29 10:00", "2024-02-29T10:00:00Z")]
        [InlineData("2026-11-21T23:30:00Z", "Nov 22 23:00", "2026-11-22T23:00:00Z")]
        public void Infers_the_year_of_recent_entries_from_the_clock(string now, string date, string expected)
        {
            var line = "-rw-r--r--    1 1001     1001         1400 " + date + " probe.txt";

            Assert.True(new UnixListingParser().TryParse(line, Context("/", now), out var item));

            AssertTime(expected, item!.LastWriteTime);
            Assert.True(item.LastWriteTimeIsApproximate);
        }

        [Theory]
        [InlineData("Jan  2  2021", "2021-01-02T00:00:00Z", true)]
        [InlineData("Jan 02  2020", "2020-01-02T00:00:00Z", true)]
        [InlineData("dec 31  1999", "1999-12-31T00:00:00Z", true)]
        [InlineData("Nov 21 05:05", "2026-11-21T05:05:00Z", true)]
        [InlineData("2026-11-21 09:15", "2026-11-21T09:15:00Z", false)]
        [InlineData("2020-01-02 03:04:05", "2020-01-02T03:04:05Z", false)]
        public void Marks_dates_without_their_own_year_or_time_as_approximate(string date, string expected, bool approximate)
        {
            var line = "-rw-r--r--    1 1001     1001         1400 " + date + " probe.txt";

            Assert.True(new UnixListingParser().TryParse(line, Context("/"), out var item));

            Assert.Equal("probe.txt", item!.Name);
            AssertTime(expected, item.LastWriteTime);
            Assert.Equal(approximate, item.LastWriteTimeIsApproximate);
        }

        /// <summary>
        /// The time of day is read by hand (the parser's hot path); it must take exactly what DateTime.TryParseExact took with
        /// "H:mm", "HH:mm", "H:mm:ss" and "HH:mm:ss" before, and nothing else.
        /// </summary>
        [Fact]
        public void Reads_the_time_of_day_as_TryParseExact_did()
        {
            var formats = new[] { "H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss" };
            var hours = new[] { "0", "00", "5", "05", "9", "09", "12", "19", "23", "24", "25", "99", "123", "", "a", "1a", "-1", " 5" };
            var minutes = new[] { "00", "05", "5", "59", "60", "99", "000", "", "5a", "+5" };
            var seconds = new[] { null, "00", "07", "59", "60", "7", "007", "", "x1" };
            var checkedTokens = 0;
            foreach (var hour in hours)
                foreach (var minute in minutes)
                    foreach (var second in seconds)
                    {
                        var token = hour + ":" + minute + (second is null ? string.Empty : ":" + second);
                        if (token.IndexOf(' ') >= 0) continue;
                        var expected = DateTime.TryParseExact(token, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
                        var line = "-rw-r--r--    1 1001     1001         1400 Nov 21 " + token + " probe.txt";

                        var understood = new UnixListingParser().TryParse(line, Context("/"), out var item);

                        Assert.True(expected == understood, token + (expected ? " should be read" : " should be refused"));
                        if (expected) Assert.Equal(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero).Add(parsed.TimeOfDay), item!.LastWriteTime);
                        checkedTokens++;
                    }

            Assert.True(checkedTokens > 1000);
        }

        [Theory]
        [InlineData("NOV 21 05:05", "2026-11-21T05:05:00Z")]
        [InlineData("nOv 21 05:05", "2026-11-21T05:05:00Z")]
        [InlineData("Jan 2 7:08", "2026-01-02T07:08:00Z")]
        [InlineData("Sep 30 23:59:58", "2026-09-30T23:59:58Z")]
        [InlineData("2026-11-21 9:15", "2026-11-21T09:15:00Z")]
        public void Reads_month_names_in_any_case_and_short_times(string date, string expected)
        {
            var line = "-rw-r--r--    1 1001     1001         1400 " + date + " probe.txt";

            Assert.True(new UnixListingParser().TryParse(line, Context("/"), out var item));

            AssertTime(expected, item!.LastWriteTime);
        }

        [Theory]
        [InlineData("2026-1-21 09:15")]
        [InlineData("2026/11/21 09:15")]
        [InlineData("20261-11-21 09:15")]
        [InlineData("2026-13-21 09:15")]
        [InlineData("Noe 21 05:05")]
        [InlineData("No 21 05:05")]
        public void Refuses_dates_of_another_shape(string date)
        {
            var line = "-rw-r--r--    1 1001     1001         1400 " + date + " probe.txt";

            Assert.False(new UnixListingParser().TryParse(line, Context("/"), out _));
        }

        [Theory]
        [InlineData("total 12")]
        [InlineData("total 0")]
        [InlineData("TOTAL 4")]
        public void Understands_total_lines_as_no_entry(string line)
        {
            Assert.True(new UnixListingParser().TryParse(line, Context("/"), out var item));

            Assert.Null(item);
        }

        [Fact]
        public void One_context_parses_a_whole_listing_as_fresh_contexts_parse_each_line()
        {
            // A context reuses its token array and the strings of repeated columns from line to line: lines with more tokens
            // than the array first holds, shorter lines after longer ones and rejected lines in between must not leak into the
            // next entry.
            var lines = new[]
            {
                "-rw-r--r--    1 ftptest  ftptest         12 Nov 21 05:05 " + string.Join(" ", new string[30]).Replace(" ", "a b ") + "end",
                "-rw-r--r--    1 ftptest  ftptest         12 Nov 21 05:05 short",
                "-rw-r--r--    1 1001     1001     notasize Nov 21 05:05 probe.txt",
                "drwxr-xr-x    2 root     wheel        4096 Jan  2  2020 dir",
                "-rw-r--r--   1 ftp           1400 Nov 21 05:05 nogroup.txt",
                "lrwxrwxrwx   1 root     root           21 Nov 21 05:05 my link -> ../target dir/a b",
                "-rw-r--r--    1 ftptest  ftptest         13 Nov 21 05:06 again",
            };
            var shared = Context("/in");
            var parsed = new System.Collections.Generic.List<FtpListItem?>();
            foreach (var line in lines)
            {
                var understood = new UnixListingParser().TryParse(line, shared, out var item);
                Assert.Equal(new UnixListingParser().TryParse(line, Context("/in"), out var alone), understood);
                Assert.Equal(Describe(alone), Describe(item));
                parsed.Add(item);
            }

            Assert.Equal(6, parsed.FindAll(item => item != null).Count);
            Assert.Same(parsed[0]!.Owner, parsed[6]!.Owner);
            Assert.Same(parsed[0]!.Owner, parsed[0]!.Group);
            Assert.Same(parsed[0]!.Permissions, parsed[1]!.Permissions);
        }

        private static string Describe(FtpListItem? item) => item is null
            ? "none"
            : string.Join("|", item.Name, item.FullName, item.Type, item.Length, item.LastWriteTime?.ToString("o", CultureInfo.InvariantCulture),
                item.LastWriteTimeIsApproximate, item.Permissions, item.Owner, item.Group, item.LinkTarget, item.RawLine);

        [Theory]
        [InlineData("")]
        [InlineData("hello world")]
        [InlineData("total twelve")]
        [InlineData("drwxr-xr-x")]
        [InlineData("213 End of status")]
        [InlineData("11-21-26  09:15AM       <DIR>          name")]
        [InlineData("type=file;size=1400;modify=20200101000000; probe.txt")]
        [InlineData("-rw-r--r--    1 1001     1001     notasize Nov 21 05:05 probe.txt")]
        [InlineData("-rwxr-xr-z    1 1001     1001         1400 Nov 21 05:05 probe.txt")]
        [InlineData("xrw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt")]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Foo 21 05:05 probe.txt")]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Feb 30  2021 probe.txt")]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Nov 21 25:05 probe.txt")]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Nov 21 05:05")]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 ")]
        [InlineData("-rw-r--r--    x 1001     1001         1400 Nov 21 05:05 probe.txt")]
        public void Rejects_lines_it_does_not_understand(string line)
        {
            Assert.False(new UnixListingParser().TryParse(line, Context("/"), out var item));

            Assert.Null(item);
        }
    }
}

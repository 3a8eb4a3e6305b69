using Xunit;
using static FtpTools.Engine.Tests.Listing.ListingTestSupport;

namespace FtpTools.Engine.Tests.Listing
{
    public sealed class DosListingParserTests
    {
        [Theory]
        [InlineData("11-21-26  09:15AM       <DIR>          name", "name", FtpItemType.Directory, null, "2026-11-21T09:15:00Z")]
        [InlineData("11-21-26  09:15AM                 1234 name with spaces.txt", "name with spaces.txt", FtpItemType.File, 1234L, "2026-11-21T09:15:00Z")]
        [InlineData("02-11-21  10:13AM       <DIR>          aspnet_client", "aspnet_client", FtpItemType.Directory, null, "2021-02-11T10:13:00Z")]
        [InlineData("02-11-21  10:13AM                  689 iisstart.htm", "iisstart.htm", FtpItemType.File, 689L, "2021-02-11T10:13:00Z")]
        [InlineData("11-21-2026  09:15PM       <DIR>          Logs", "Logs", FtpItemType.Directory, null, "2026-11-21T21:15:00Z")]
        [InlineData("11-21-2026  09:15PM                 1400 probe.txt", "probe.txt", FtpItemType.File, 1400L, "2026-11-21T21:15:00Z")]
        [InlineData("11-21-26  21:15                 6442450944 big.iso", "big.iso", FtpItemType.File, 6442450944L, "2026-11-21T21:15:00Z")]
        [InlineData("11-21-26  00:00       <DIR>          midnight", "midnight", FtpItemType.Directory, null, "2026-11-21T00:00:00Z")]
        [InlineData("11-21-26  12:05AM                    1 just after midnight", "just after midnight", FtpItemType.File, 1L, "2026-11-21T00:05:00Z")]
        [InlineData("11-21-26  12:05PM                    1 just after noon", "just after noon", FtpItemType.File, 1L, "2026-11-21T12:05:00Z")]
        [InlineData("02-11-98  11:59pm                   17 old.txt", "old.txt", FtpItemType.File, 17L, "1998-02-11T23:59:00Z")]
        [InlineData("01-01-70  01:00AM                   17 epoch.txt", "epoch.txt", FtpItemType.File, 17L, "1970-01-01T01:00:00Z")]
        [InlineData("12-31-69  11:59PM                   17 future.txt", "future.txt", FtpItemType.File, 17L, "2069-12-31T23:59:00Z")]
        [InlineData("01-02-00  08:00AM                   17 y2k.txt", "y2k.txt", FtpItemType.File, 17L, "2000-01-02T08:00:00Z")]
        [InlineData("11/21/2026  09:15AM                 5 slashes.txt", "slashes.txt", FtpItemType.File, 5L, "2026-11-21T09:15:00Z")]
        [InlineData("11-21-26  09:15AM                   12 my  report.txt", "my  report.txt", FtpItemType.File, 12L, "2026-11-21T09:15:00Z")]
        [InlineData("11-21-26  09:15AM                   12 -rf", "-rf", FtpItemType.File, 12L, "2026-11-21T09:15:00Z")]
        [InlineData("11-21-26  09:15AM                   12  leading.txt", " leading.txt", FtpItemType.File, 12L, "2026-11-21T09:15:00Z")]
        [InlineData("11-21-26  09:15AM                   12 café.txt", "café.txt", FtpItemType.File, 12L, "2026-11-21T09:15:00Z")]
        [InlineData("11-21-26  09:15AM       <DIR>          報告", "報告", FtpItemType.Directory, null, "2026-11-21T09:15:00Z")]
        [InlineData("11-21-26  09:15AM       <DIR>          .", ".", FtpItemType.Directory, null, "2026-11-21T09:15:00Z")]
        public void Parses_entry_fields(string line, string name, FtpItemType type, long? length, string lastWriteTime)
        {
            var parsed = new DosListingParser().TryParse(line, Context("/site"), out var item);

            Assert.True(parsed);
            Assert.NotNull(item);
            Assert.Equal(name, item!.Name);
            Assert.Equal("/site/" + name, item.FullName);
            Assert.Equal(type, item.Type);
            Assert.Equal(length, item.Length);
            AssertTime(lastWriteTime, item.LastWriteTime);
            Assert.False(item.LastWriteTimeIsApproximate);
            Assert.Null(item.Permissions);
            Assert.Null(item.Owner);
            Assert.Null(item.Group);
            Assert.Null(item.LinkTarget);
            Assert.Equal(line, item.RawLine);
        }

        [Theory]
        [InlineData("")]
        [InlineData("hello world")]
        [InlineData("total 12")]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt")]
        [InlineData("11-21-26  13:15PM                 1234 bad-hour.txt")]
        [InlineData("11-21-26  00:15AM                 1234 bad-hour.txt")]
        [InlineData("11-21-26  24:00                   1234 bad-hour.txt")]
        [InlineData("11-21-26  09:60AM                 1234 bad-minute.txt")]
        [InlineData("13-21-26  09:15AM                 1234 bad-month.txt")]
        [InlineData("02-30-26  09:15AM                 1234 bad-day.txt")]
        [InlineData("11-21-26  09:15AM                 1234")]
        [InlineData("11-21-26  09:15AM       <DIR>")]
        [InlineData("11-21-26  09:15AM       <FILE>         odd")]
        [InlineData("11-21-126  09:15AM                1234 three-digit-year.txt")]
        [InlineData("١١-٢١-٢٦  09:15AM                 1234 arabic-digits.txt")]
        public void Rejects_lines_it_does_not_understand(string line)
        {
            Assert.False(new DosListingParser().TryParse(line, Context("/"), out var item));

            Assert.Null(item);
        }
    }
}

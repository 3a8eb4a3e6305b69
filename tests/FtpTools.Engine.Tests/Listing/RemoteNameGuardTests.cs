using System;
using System.Linq;
using Xunit;

namespace FtpTools.Engine.Tests.Listing
{
    public class RemoteNameGuardTests
    {
        [Theory]
        [InlineData("a.txt")]
        [InlineData(".env")]
        [InlineData("name with spaces")]
        [InlineData("back\\slash")]
        [InlineData("Überweisung März €.csv")]
        [InlineData("-leading-dash")]
        [InlineData("...")]
        public void Plain_names_are_safe(string name)
        {
            Assert.Null(RemoteNameGuard.WhyUnsafe(name));
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData(".", "itself or its parent")]
        [InlineData("..", "itself or its parent")]
        [InlineData("../x", "'/'")]
        [InlineData("a/b", "'/'")]
        [InlineData("/etc/passwd", "absolute")]
        [InlineData("nul\0char", "NUL")]
        [InlineData("line\nbreak", "control character")]
        [InlineData("bell\u0007", "control character")]
        [InlineData("c1\u0085", "control character")]
        public void Names_that_are_not_plain_names_of_the_directory_are_refused(string name, string reason)
        {
            Assert.Contains(reason, RemoteNameGuard.WhyUnsafe(name));
        }

        [Fact]
        public void An_item_whose_full_path_lies_outside_the_listed_directory_is_refused()
        {
            Assert.Null(RemoteNameGuard.WhyUnsafe(new FtpListItem("x", "/in/x", FtpItemType.File), "/in"));
            Assert.Contains("not inside", RemoteNameGuard.WhyUnsafe(new FtpListItem("x", "/other/x", FtpItemType.File), "/in"));
            Assert.Null(RemoteNameGuard.WhyUnsafe(new FtpListItem("x", "/x", FtpItemType.File), "/"));
        }

        [Theory]
        [InlineData("/in/", "/in/x", true)]
        [InlineData("", "x", true)]
        [InlineData("/in", "/inx", false)]
        [InlineData("/in", "/in//x", false)]
        [InlineData("/in", "/in/x/", false)]
        [InlineData("/in", "/IN/x", false)]
        [InlineData("/in", "/in/y", false)]
        [InlineData("/in", "/in/xx", false)]
        [InlineData("/in/", "/in//x", false)]
        public void The_full_path_must_be_exactly_the_directory_joined_with_the_name(string directory, string fullName, bool accepted)
        {
            var reason = RemoteNameGuard.WhyUnsafe(new FtpListItem("x", fullName, FtpItemType.File), directory);
            Assert.Equal(accepted, reason is null);
            Assert.Equal(accepted, fullName == FtpPath.Combine(directory, "x"));
        }

        [Fact]
        public void Printable_shows_control_characters_as_escapes()
        {
            Assert.Equal("a\\nb\\0c\\u0007", RemoteNameGuard.Printable("a\nb\0c\u0007"));
        }

        [Fact]
        public void Every_listing_keeps_unsafe_entries_out_of_its_items_whoever_builds_it()
        {
            var items = new[]
            {
                new FtpListItem("ok", "/in/ok", FtpItemType.File),
                new FtpListItem("../x", "/x", FtpItemType.File) { RawLine = "-rw-r--r-- 1 a a 1 Nov 21 05:05 ../x" },
                new FtpListItem("/tmp/x", "/tmp/x", FtpItemType.File),
            };
            var listing = new FtpListing("/in", items, Array.Empty<string>(), "LIST");
            Assert.Equal(new[] { "ok" }, listing.Items.Select(i => i.Name));
            Assert.Equal(new[] { "../x", "/tmp/x" }, listing.RefusedEntries.Select(e => e.Name));
            Assert.Equal("-rw-r--r-- 1 a a 1 Nov 21 05:05 ../x", listing.RefusedEntries[0].RawLine);
        }

        [Fact]
        public void The_parser_chain_refuses_what_a_hostile_list_reply_names()
        {
            var lines = new[]
            {
                "-rw-r--r--    1 1001     1001           10 Nov 21 05:05 ../../etc/cron.d/evil",
                "-rw-r--r--    1 1001     1001           10 Nov 21 05:05 good.txt",
            };
            var listing = new FtpListingParserChain().ParseList(lines, "/", new FixedClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));
            Assert.Equal(new[] { "/good.txt" }, listing.Items.Select(i => i.FullName));
            Assert.Single(listing.RefusedEntries);
        }
    }
}

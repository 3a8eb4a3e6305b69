using System;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class DirectoryRemovalTests
    {
        private static FtpListing Listing(params string[] names)
        {
            var items = Array.ConvertAll(names, n => new FtpListItem(n, "/d/" + n, FtpItemType.File));
            return new FtpListing("/d", items, Array.Empty<string>(), "LIST");
        }

        [Fact]
        public void An_empty_directory_is_removed_as_empty()
        {
            Assert.Equal("Remove empty directory", DirectoryRemoval.ActionFor(Listing(), false));
            Assert.Equal("Remove empty directory", DirectoryRemoval.ActionFor(Listing(), true));
        }

        [Fact]
        public void A_full_directory_is_removed_with_everything_in_it_only_with_recurse()
        {
            Assert.Null(DirectoryRemoval.ActionFor(Listing(".env", "a.txt"), false));
            Assert.Equal("Remove directory and everything in it (2 entries at its top level: .env, a.txt)", DirectoryRemoval.ActionFor(Listing(".env", "a.txt"), true));
        }

        [Fact]
        public void Not_empty_names_the_entries_and_Recurse()
        {
            var error = DirectoryRemoval.NotEmpty("/d", Listing("1", "2", "3", "4", "5", "6"));
            Assert.Equal(FtpFailureCause.DirectoryNotEmpty, error.Cause);
            Assert.Contains("6 entries: 1, 2, 3, 4, 5, ...", error.Message);
            Assert.Contains("-Recurse", error.Message);
            Assert.Equal(FtpErrorIds.DirectoryNotEmpty, FtpErrorClassifier.Classify(error).ErrorId);
        }

        [Fact]
        public void Refused_and_unparsed_entries_count_too()
        {
            var listing = new FtpListing("/d", new[] { new FtpListItem("../x", "/x", FtpItemType.File) }, new[] { "garbage" }, "LIST");
            Assert.Equal(2, DirectoryRemoval.CountEntries(listing));
            Assert.Null(DirectoryRemoval.ActionFor(listing, false));
        }
    }
}

using System;
using System.IO;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class TransferTargetsTests
    {
        [Theory]
        [InlineData(true, false, 1, true)]
        [InlineData(false, true, 1, true)]
        [InlineData(false, false, 2, true)]
        [InlineData(false, false, 1, false)]
        public void Destination_is_a_folder_when_it_exists_ends_with_a_separator_or_receives_several_items(bool exists, bool separator, int count, bool expected)
        {
            Assert.Equal(expected, TransferTargets.DestinationIsFolder(exists, separator, count));
        }

        [Fact]
        public void A_wildcard_or_piped_source_always_goes_into_a_folder_even_when_it_names_one_file()
        {
            // The first run's wildcard matched one file: it must not become a file named like the folder.
            Assert.True(TransferTargets.DestinationIsFolder(false, false, 1, sourcesMayVary: true));
            Assert.True(TransferTargets.DestinationIsFolder(false, false, 0, sourcesMayVary: true));
        }

        [Fact]
        public void A_folder_source_always_goes_into_the_destination_under_its_own_name()
        {
            Assert.True(TransferTargets.DestinationIsFolder(false, false, 1, anySourceIsFolder: true));
            Assert.Equal("/x/out", TransferTargets.RemoteFolderFor("/x", "out"));
            Assert.Equal("/out", TransferTargets.RemoteFolderFor("/", "out"));
            var local = Path.Combine(Path.GetTempPath(), "in");
            Assert.Equal(Path.Combine(local, "out"), TransferTargets.LocalFolderFor(local, "/x/out"));
            Assert.Equal(Path.Combine(local, "out"), TransferTargets.LocalFolderFor(local, "/x/out/"));
        }

        [Fact]
        public void A_root_has_no_name_so_its_contents_go_into_the_destination_itself()
        {
            var local = Path.Combine(Path.GetTempPath(), "in");
            Assert.Equal(local, TransferTargets.LocalFolderFor(local, "/"));
            Assert.Equal("/x", TransferTargets.RemoteFolderFor("/x", string.Empty));
        }

        [Fact]
        public void The_same_sources_give_the_same_layout_whether_or_not_the_destination_exists()
        {
            // Run 1: /x does not exist yet; run 2: it does. A folder source lands in /x/out both times.
            foreach (var exists in new[] { false, true })
            {
                Assert.True(TransferTargets.DestinationIsFolder(exists, false, 1, false, anySourceIsFolder: true));
                Assert.Equal("/x/out", TransferTargets.RemoteFolderFor("/x", "out"));
            }
        }

        [Fact]
        public void Download_into_a_folder_uses_the_checked_remote_name()
        {
            var root = Path.Combine(Path.GetTempPath(), "in");
            Assert.Equal(Path.Combine(root, "a.csv"), TransferTargets.ForDownload(root, true, "a.csv"));
            Assert.Throws<UnsafeRemoteNameException>(() => TransferTargets.ForDownload(root, true, "../a.csv"));
        }

        [Fact]
        public void Download_to_a_file_name_ignores_the_remote_name()
        {
            var target = Path.Combine(Path.GetTempPath(), "renamed.csv");
            Assert.Equal(target, TransferTargets.ForDownload(target, false, "../whatever"));
        }

        [Fact]
        public void Partial_file_sits_beside_the_final_file()
        {
            Assert.Equal("x.csv.ftptools-partial", TransferTargets.PartialPathFor("x.csv"));
        }

        [Theory]
        [InlineData("/in", true, "a.csv", "/in/a.csv")]
        [InlineData("/", true, "a.csv", "/a.csv")]
        [InlineData("/in/b.csv", false, "a.csv", "/in/b.csv")]
        public void Upload_targets(string destination, bool intoFolder, string name, string expected)
        {
            Assert.Equal(expected, TransferTargets.ForUpload(destination, intoFolder, name));
        }

        [Fact]
        public void Upload_below_a_folder_uses_forward_slashes()
        {
            var relative = Path.Combine("sub", "deeper", "f.txt");
            Assert.Equal("/in/sub/deeper/f.txt", TransferTargets.ForUploadBelow("/in", relative));
            Assert.Throws<ArgumentException>(() => TransferTargets.ForUploadBelow("/in", Path.Combine("..", "x")));
        }

        [Fact]
        public void EndsWithLocalSeparator_sees_both_separators()
        {
            Assert.True(TransferTargets.EndsWithLocalSeparator("dir" + Path.DirectorySeparatorChar));
            Assert.True(TransferTargets.EndsWithLocalSeparator("dir/"));
            Assert.False(TransferTargets.EndsWithLocalSeparator("dir"));
        }
    }
}

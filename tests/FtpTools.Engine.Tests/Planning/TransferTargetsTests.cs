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

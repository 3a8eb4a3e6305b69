using System;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public sealed class AtomicUploadTests
    {
        [Theory]
        [InlineData("/in/report.csv", "/in/.report.csv.ftptools-partial")]
        [InlineData("/report.csv", "/.report.csv.ftptools-partial")]
        [InlineData("/a b/.hidden", "/a b/..hidden.ftptools-partial")]
        public void The_temporary_name_is_a_dot_name_beside_the_target_and_the_same_every_run(string target, string temporary) =>
            Assert.Equal(temporary, AtomicUpload.TemporaryPathFor(target));

        [Fact]
        public void Resume_continues_the_temporary_file_of_an_earlier_run()
        {
            var decision = AtomicUpload.Decide(FtpIfExists.Resume, true, 100, 40, 100);
            Assert.Equal(TransferAction.Transfer, decision.Action);
            Assert.Equal(FtpUploadMode.Resume, decision.UploadMode);
            Assert.Equal(40, decision.RestartOffset);
        }

        [Fact]
        public void Resume_with_a_complete_temporary_file_only_publishes_it() =>
            Assert.Equal(TransferAction.CompletePartial, AtomicUpload.Decide(FtpIfExists.Resume, false, null, 100, 100).Action);

        [Fact]
        public void Resume_without_a_temporary_file_skips_a_final_file_of_the_same_length_and_uploads_otherwise()
        {
            Assert.Equal(TransferAction.Skip, AtomicUpload.Decide(FtpIfExists.Resume, true, 100, null, 100).Action);
            var again = AtomicUpload.Decide(FtpIfExists.Resume, true, 60, null, 100);
            Assert.Equal(TransferAction.Transfer, again.Action);
            Assert.Equal(FtpUploadMode.Overwrite, again.UploadMode);
        }

        [Fact]
        public void Skip_and_Fail_look_at_the_final_name_and_Append_is_refused()
        {
            Assert.Equal(TransferAction.Skip, AtomicUpload.Decide(FtpIfExists.Skip, true, 5, null, 100).Action);
            Assert.Equal(TransferAction.Fail, AtomicUpload.Decide(FtpIfExists.Fail, true, 5, null, 100).Action);
            Assert.Equal(TransferAction.Transfer, AtomicUpload.Decide(FtpIfExists.Fail, false, null, null, 100).Action);
            Assert.Throws<ArgumentException>(() => AtomicUpload.Decide(FtpIfExists.Append, null, null, null, 100));
        }
    }
}

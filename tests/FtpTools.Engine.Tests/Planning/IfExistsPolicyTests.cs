using System;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class IfExistsPolicyTests
    {
        [Theory]
        [InlineData(FtpIfExists.Overwrite, null, TransferAction.Transfer)]
        [InlineData(FtpIfExists.Overwrite, 10L, TransferAction.Transfer)]
        [InlineData(FtpIfExists.Skip, null, TransferAction.Transfer)]
        [InlineData(FtpIfExists.Skip, 10L, TransferAction.Skip)]
        [InlineData(FtpIfExists.Fail, null, TransferAction.Transfer)]
        [InlineData(FtpIfExists.Fail, 10L, TransferAction.Fail)]
        public void Download_simple_modes(FtpIfExists mode, long? finalLength, TransferAction expected)
        {
            var decision = IfExistsPolicy.ForDownload(mode, finalLength, null, 100);
            Assert.Equal(expected, decision.Action);
            Assert.Equal(0, decision.RestartOffset);
        }

        [Fact]
        public void Download_resume_continues_from_the_partial_file()
        {
            var decision = IfExistsPolicy.ForDownload(FtpIfExists.Resume, null, 40, 100);
            Assert.Equal(TransferAction.Transfer, decision.Action);
            Assert.Equal(40, decision.RestartOffset);
        }

        [Fact]
        public void Download_resume_skips_a_complete_file()
        {
            Assert.Equal(TransferAction.Skip, IfExistsPolicy.ForDownload(FtpIfExists.Resume, 100, null, 100).Action);
        }

        [Fact]
        public void Download_resume_only_renames_a_complete_partial_file()
        {
            var decision = IfExistsPolicy.ForDownload(FtpIfExists.Resume, null, 100, 100);
            Assert.Equal(TransferAction.CompletePartial, decision.Action);
        }

        [Fact]
        public void Download_resume_starts_over_when_the_partial_file_is_too_long()
        {
            var decision = IfExistsPolicy.ForDownload(FtpIfExists.Resume, null, 150, 100);
            Assert.Equal(TransferAction.Transfer, decision.Action);
            Assert.Equal(0, decision.RestartOffset);
        }

        [Fact]
        public void Download_resume_with_unknown_remote_length_trusts_the_partial_file()
        {
            Assert.Equal(40, IfExistsPolicy.ForDownload(FtpIfExists.Resume, null, 40, null).RestartOffset);
        }

        [Fact]
        public void Download_resume_with_a_different_final_file_downloads_again()
        {
            var decision = IfExistsPolicy.ForDownload(FtpIfExists.Resume, 50, null, 100);
            Assert.Equal(TransferAction.Transfer, decision.Action);
            Assert.Equal(0, decision.RestartOffset);
        }

        [Fact]
        public void Download_append_is_refused()
        {
            Assert.Throws<ArgumentException>(() => IfExistsPolicy.ForDownload(FtpIfExists.Append, null, null, 1));
        }

        [Theory]
        [InlineData(FtpIfExists.Overwrite, true, TransferAction.Transfer, FtpUploadMode.Overwrite)]
        [InlineData(FtpIfExists.Append, true, TransferAction.Transfer, FtpUploadMode.Append)]
        [InlineData(FtpIfExists.Skip, true, TransferAction.Skip, FtpUploadMode.Overwrite)]
        [InlineData(FtpIfExists.Skip, false, TransferAction.Transfer, FtpUploadMode.Overwrite)]
        [InlineData(FtpIfExists.Fail, true, TransferAction.Fail, FtpUploadMode.Overwrite)]
        [InlineData(FtpIfExists.Fail, false, TransferAction.Transfer, FtpUploadMode.Overwrite)]
        [InlineData(FtpIfExists.Resume, false, TransferAction.Transfer, FtpUploadMode.Overwrite)]
        public void Upload_modes(FtpIfExists mode, bool remoteExists, TransferAction action, FtpUploadMode uploadMode)
        {
            var decision = IfExistsPolicy.ForUpload(mode, remoteExists, remoteExists ? 10 : (long?)null, 100);
            Assert.Equal(action, decision.Action);
            Assert.Equal(uploadMode, decision.UploadMode);
        }

        [Theory]
        [InlineData(FtpIfExists.Overwrite, "uploading; an existing remote file is replaced", FtpUploadMode.Overwrite)]
        [InlineData(FtpIfExists.Append, "appending; a missing remote file is created", FtpUploadMode.Append)]
        public void Upload_without_looking_at_the_remote_side_says_so(FtpIfExists mode, string reason, FtpUploadMode uploadMode)
        {
            var decision = IfExistsPolicy.ForUpload(mode, null, null, 100);
            Assert.Equal(TransferAction.Transfer, decision.Action);
            Assert.Equal(reason, decision.Reason);
            Assert.Equal(uploadMode, decision.UploadMode);
        }

        [Theory]
        [InlineData(FtpIfExists.Skip)]
        [InlineData(FtpIfExists.Fail)]
        [InlineData(FtpIfExists.Resume)]
        public void Modes_that_depend_on_the_remote_file_refuse_to_guess(FtpIfExists mode) =>
            Assert.Throws<System.ArgumentNullException>(() => IfExistsPolicy.ForUpload(mode, null, null, 100));

        [Theory]
        [InlineData(40L, TransferAction.Transfer, FtpUploadMode.Resume)]
        [InlineData(100L, TransferAction.Skip, FtpUploadMode.Overwrite)]
        [InlineData(150L, TransferAction.Transfer, FtpUploadMode.Overwrite)]
        [InlineData(null, TransferAction.Transfer, FtpUploadMode.Resume)]
        public void Upload_resume_depends_on_the_remote_length(long? remoteLength, TransferAction action, FtpUploadMode uploadMode)
        {
            var decision = IfExistsPolicy.ForUpload(FtpIfExists.Resume, true, remoteLength, 100);
            Assert.Equal(action, decision.Action);
            Assert.Equal(uploadMode, decision.UploadMode);
        }
    }
}

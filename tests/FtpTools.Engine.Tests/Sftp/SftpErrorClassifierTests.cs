using FtpTools.Engine.Sftp;
using Xunit;

namespace FtpTools.Engine.Tests.Sftp
{
    public sealed class SftpErrorClassifierTests
    {
        [Theory]
        [InlineData(SftpStatus.NoSuchFile, "FtpTools.ItemNotFound", FtpErrorKind.ObjectNotFound)]
        [InlineData(SftpStatus.PermissionDenied, "FtpTools.PermissionDenied", FtpErrorKind.PermissionDenied)]
        [InlineData(SftpStatus.Failure, "FtpTools.CommandFailed", FtpErrorKind.OperationFailed)]
        [InlineData(SftpStatus.OperationUnsupported, "FtpTools.CommandFailed", FtpErrorKind.NotSupported)]
        [InlineData(SftpStatus.ConnectionLost, "FtpTools.CommandFailed", FtpErrorKind.ConnectionError)]
        public void StatusRepliesGetTheirIdAndKind(SftpStatus status, string id, FtpErrorKind kind)
        {
            var exception = new SftpStatusException("refused", status, "remove /a", "/a");
            var classification = FtpErrorClassifier.Classify(exception);
            Assert.Equal(id, classification.ErrorId);
            Assert.Equal(kind, classification.Kind);
            Assert.Equal("/a", exception.RemotePath);
            Assert.IsAssignableFrom<FtpCommandException>(exception);
            Assert.Null(exception.ReplyCode);
        }

        [Fact]
        public void AuthenticationFailuresAreLoginFailures()
        {
            var classification = FtpErrorClassifier.Classify(new SftpAuthenticationException("no"));
            Assert.Equal(FtpErrorIds.LoginFailed, classification.ErrorId);
            Assert.Equal(FtpErrorKind.AuthenticationError, classification.Kind);
            Assert.Contains("-KeyFile", classification.RecommendedAction);
        }
    }
}

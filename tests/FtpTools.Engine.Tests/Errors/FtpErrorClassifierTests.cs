using System;
using System.IO;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Errors
{
    public class FtpErrorClassifierTests
    {
        private static FtpReply Reply(int code, string text) => new FtpReply(code, new[] { text });

        private static FtpCommandException Command(int code, string text, FtpPhase phase = FtpPhase.Command, string command = "DELE x") =>
            new FtpCommandException(text, phase, command, Reply(code, text));

        [Fact]
        public void A_feature_the_server_lacks_is_not_supported()
        {
            var result = FtpErrorClassifier.Classify(new FtpNotSupportedException("The server does not offer server-side hashing.", "HASH /a"));
            Assert.Equal(FtpErrorKind.NotSupported, result.Kind);
            Assert.Equal(FtpErrorIds.CommandFailed, result.ErrorId);
        }

        [Fact]
        public void Login_530_is_an_authentication_error()
        {
            var result = FtpErrorClassifier.Classify(Command(530, "Login incorrect.", FtpPhase.Login, "PASS secret"));
            Assert.Equal(FtpErrorIds.LoginFailed, result.ErrorId);
            Assert.Equal(FtpErrorKind.AuthenticationError, result.Kind);
            Assert.DoesNotContain("secret", result.Message);
        }

        [Theory]
        [InlineData("Failed to open file.", FtpErrorKind.ResourceUnavailable, FtpErrorIds.CommandFailed)]
        [InlineData("No such file or directory", FtpErrorKind.ObjectNotFound, FtpErrorIds.ItemNotFound)]
        [InlineData("Permission denied.", FtpErrorKind.PermissionDenied, FtpErrorIds.PermissionDenied)]
        [InlineData("Access is denied.", FtpErrorKind.PermissionDenied, FtpErrorIds.PermissionDenied)]
        [InlineData("Directory not empty", FtpErrorKind.OperationFailed, FtpErrorIds.DirectoryNotEmpty)]
        public void An_undiagnosed_550_depends_on_its_text_and_is_not_always_not_found(string text, FtpErrorKind kind, string id)
        {
            var result = FtpErrorClassifier.Classify(Command(550, text));
            Assert.Equal(kind, result.Kind);
            Assert.Equal(id, result.ErrorId);
        }

        [Theory]
        [InlineData(421, FtpErrorKind.ResourceUnavailable)]
        [InlineData(450, FtpErrorKind.ResourceUnavailable)]
        [InlineData(452, FtpErrorKind.QuotaExceeded)]
        [InlineData(552, FtpErrorKind.QuotaExceeded)]
        [InlineData(553, FtpErrorKind.PermissionDenied)]
        [InlineData(502, FtpErrorKind.NotSupported)]
        [InlineData(501, FtpErrorKind.InvalidArgument)]
        [InlineData(425, FtpErrorKind.ConnectionError)]
        public void Other_reply_codes(int code, FtpErrorKind kind)
        {
            Assert.Equal(kind, FtpErrorClassifier.Classify(Command(code, "text")).Kind);
        }

        [Fact]
        public void Reply_425_is_a_data_connection_failure_with_advice()
        {
            var result = FtpErrorClassifier.Classify(Command(425, "Can't open data connection.", FtpPhase.DataConnection, "RETR x"));
            Assert.Equal(FtpErrorIds.DataConnectionFailed, result.ErrorId);
            Assert.Contains("-DataConnection", result.RecommendedAction);
        }

        [Theory]
        [InlineData(FtpPhase.Connect, FtpErrorIds.ConnectFailed)]
        [InlineData(FtpPhase.DataConnection, FtpErrorIds.DataConnectionFailed)]
        [InlineData(FtpPhase.Transfer, FtpErrorIds.TransferFailed)]
        [InlineData(FtpPhase.Command, FtpErrorIds.CommandFailed)]
        public void Connection_failures_are_connection_errors_named_by_phase(FtpPhase phase, string id)
        {
            var result = FtpErrorClassifier.Classify(new FtpConnectionException("Connection refused.", phase));
            Assert.Equal(FtpErrorKind.ConnectionError, result.Kind);
            Assert.Equal(id, result.ErrorId);
        }

        [Fact]
        public void Tls_failures_are_security_errors()
        {
            var result = FtpErrorClassifier.Classify(new FtpTlsException("The certificate is not trusted."));
            Assert.Equal(FtpErrorIds.TlsFailed, result.ErrorId);
            Assert.Equal(FtpErrorKind.SecurityError, result.Kind);
            Assert.Contains("-CertificateThumbprint", result.RecommendedAction);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_refused_AUTH_TLS_names_encryption_none(bool asTlsException)
        {
            var reply = Reply(530, "Please login with USER and PASS.");
            FtpException exception = asTlsException
                ? new FtpTlsException("AUTH TLS was refused.", "AUTH TLS", reply)
                : new FtpCommandException("AUTH TLS was refused.", FtpPhase.Tls, "AUTH TLS", reply);
            var result = FtpErrorClassifier.Classify(exception);
            Assert.Equal(FtpErrorIds.TlsFailed, result.ErrorId);
            Assert.Equal(FtpErrorKind.SecurityError, result.Kind);
            Assert.Contains("refused AUTH TLS", result.Message);
            Assert.Contains("-Encryption None", result.RecommendedAction);
        }

        [Theory]
        [InlineData(FtpFailureCause.NotFound, FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound)]
        [InlineData(FtpFailureCause.ParentNotFound, FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound)]
        [InlineData(FtpFailureCause.PermissionDenied, FtpErrorIds.PermissionDenied, FtpErrorKind.PermissionDenied)]
        [InlineData(FtpFailureCause.DirectoryNotEmpty, FtpErrorIds.DirectoryNotEmpty, FtpErrorKind.OperationFailed)]
        [InlineData(FtpFailureCause.AlreadyExists, FtpErrorIds.DestinationExists, FtpErrorKind.ResourceExists)]
        [InlineData(FtpFailureCause.IncompleteTransfer, FtpErrorIds.TransferFailed, FtpErrorKind.ConnectionError)]
        [InlineData(FtpFailureCause.ImplicitTlsPort, FtpErrorIds.ConnectFailed, FtpErrorKind.ProtocolError)]
        [InlineData(FtpFailureCause.PlainFtpPort, FtpErrorIds.TlsFailed, FtpErrorKind.ProtocolError)]
        [InlineData(FtpFailureCause.CertificatePinMismatch, FtpErrorIds.TlsFailed, FtpErrorKind.SecurityError)]
        public void What_the_engine_diagnosed_decides_over_the_reply_code(FtpFailureCause cause, string id, FtpErrorKind kind)
        {
            var exception = Command(550, "Failed to open file.");
            exception.Cause = cause;
            var result = FtpErrorClassifier.Classify(exception);
            Assert.Equal(id, result.ErrorId);
            Assert.Equal(kind, result.Kind);
        }

        [Fact]
        public void A_wrong_pin_is_not_called_untrusted_and_is_not_told_to_pin()
        {
            var mismatch = FtpErrorClassifier.Classify(new FtpTlsException("TLS could not be established: the certificate does not match the pinned thumbprint.") { Cause = FtpFailureCause.CertificatePinMismatch });
            Assert.DoesNotContain("self-signed", mismatch.RecommendedAction);
            Assert.Contains("renewed", mismatch.RecommendedAction);
            var untrusted = FtpErrorClassifier.Classify(new FtpTlsException("TLS could not be established: not trusted.") { Cause = FtpFailureCause.CertificateUntrusted });
            Assert.Contains("pin it with -CertificateThumbprint", untrusted.RecommendedAction);
        }

        [Fact]
        public void Destination_exists_advice_fits_the_command()
        {
            Assert.Contains("-IfExists", FtpErrorClassifier.Classify(DestinationExistsException.ForDownload("x")).RecommendedAction);
            Assert.Contains("Append", FtpErrorClassifier.Classify(DestinationExistsException.ForUpload("/x")).RecommendedAction);
            var rename = FtpErrorClassifier.Classify(DestinationExistsException.ForRename("/x"));
            Assert.DoesNotContain("-IfExists", rename.RecommendedAction);
            Assert.DoesNotContain("-IfExists", rename.Message);
        }

        [Fact]
        public void Protocol_errors()
        {
            Assert.Equal(FtpErrorKind.ProtocolError, FtpErrorClassifier.Classify(new FtpProtocolException("Bad 227 reply.", FtpPhase.DataConnection)).Kind);
        }

        [Fact]
        public void Module_side_failures()
        {
            Assert.Equal(FtpErrorIds.UnsafeRemoteName, FtpErrorClassifier.Classify(new UnsafeRemoteNameException("..", "dots")).ErrorId);
            Assert.Equal(FtpErrorIds.DestinationExists, FtpErrorClassifier.Classify(new DestinationExistsException("/x")).ErrorId);
            Assert.Equal(FtpErrorKind.ResourceExists, FtpErrorClassifier.Classify(new DestinationExistsException("/x")).Kind);
            Assert.Equal(FtpErrorIds.ItemNotFound, FtpErrorClassifier.Classify(new RemoteItemNotFoundException("/x")).ErrorId);
            Assert.Equal(FtpErrorIds.InvalidArgument, FtpErrorClassifier.Classify(new ArgumentException("bad")).ErrorId);
            Assert.Equal(FtpErrorKind.PermissionDenied, FtpErrorClassifier.Classify(new UnauthorizedAccessException("no")).Kind);
            Assert.Equal(FtpErrorKind.WriteError, FtpErrorClassifier.Classify(new IOException("disk full")).Kind);
            Assert.Equal(FtpErrorKind.Cancelled, FtpErrorClassifier.Classify(new OperationCanceledException()).Kind);
        }

        [Fact]
        public void The_reply_is_added_to_a_message_that_lacks_it()
        {
            var result = FtpErrorClassifier.Classify(new FtpCommandException("Could not delete.", FtpPhase.Command, "DELE x", Reply(550, "Permission denied.")));
            Assert.Contains("550 Permission denied.", result.Message);
        }

        [Fact]
        public void An_argument_error_reads_without_the_engines_parameter_name()
        {
            var result = FtpErrorClassifier.Classify(new System.ArgumentException("The key file /x does not exist.", "PrivateKeyFiles"));
            Assert.Equal("The key file /x does not exist.", result.Message);
            Assert.Equal(FtpErrorIds.InvalidArgument, result.ErrorId);
        }
    }
}

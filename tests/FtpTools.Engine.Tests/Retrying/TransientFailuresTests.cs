using System;
using System.Collections.Generic;
using System.IO;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Retrying;
using FtpTools.Engine.Sftp;
using FtpTools.Engine.Sftp.HostKeys;
using Xunit;

namespace FtpTools.Engine.Tests.Retrying
{
    /// <summary>Which failures a retry may cure, as one table: the transient ones are retried, the permanent ones never.</summary>
    public sealed class TransientFailuresTests
    {
        private static FtpReply Reply(int code, string text) => new FtpReply(code, new[] { text });

        private static FtpException Command(int code, string text, FtpPhase phase = FtpPhase.Transfer) =>
            new FtpCommandException("The server answered RETR /f with " + code + " " + text + ".", phase, "RETR /f", Reply(code, text));

        public static IEnumerable<object[]> Table()
        {
            // Transient: the connection, timeouts, and the 4xx replies.
            yield return Row(true, "connection reset", new FtpConnectionException("The control connection to 127.0.0.1:21 failed: Connection reset by peer", FtpPhase.Command, "RETR /f"));
            yield return Row(true, "server closed the control connection", new FtpConnectionException("The server closed the control connection after RETR /f.", FtpPhase.Command, "RETR /f"));
            yield return Row(true, "timeout", new FtpConnectionException("The server did not answer PWD within 30 s.", FtpPhase.Command, "PWD"));
            yield return Row(true, "connection refused while the server restarts", new FtpConnectionException("Could not connect to 127.0.0.1:2121: Connection refused", FtpPhase.Connect));
            yield return Row(true, "421 service closing", Command(421, "Timeout", FtpPhase.Command));
            yield return Row(true, "421 too many users at login", new FtpCommandException("Login failed", FtpPhase.Login, "USER u", Reply(421, "Too many users")));
            yield return Row(true, "425 no data connection", new FtpConnectionException("The server could not open the data connection", FtpPhase.DataConnection, "RETR /f", Reply(425, "Can't open data connection")));
            yield return Row(true, "426 transfer aborted", new FtpConnectionException("The server aborted the transfer", FtpPhase.Transfer, "RETR /f", Reply(426, "Connection closed; transfer aborted")));
            yield return Row(true, "450 file busy", Command(450, "File busy"));
            yield return Row(true, "451 local error", Command(451, "Local error in processing"));
            yield return Row(true, "452 insufficient storage", Command(452, "Insufficient storage space"));
            yield return Row(true, "incomplete transfer", new FtpConnectionException("The download of /f was incomplete", FtpPhase.Transfer, "RETR /f", null, true) { Cause = FtpFailureCause.IncompleteTransfer });
            yield return Row(true, "cut-off download the server called complete (226)", new FtpConnectionException("The download of /f is incomplete", FtpPhase.Transfer, "RETR /f", Reply(226, "Transfer complete")));
            yield return Row(true, "SSH connection lost", new FtpConnectionException("SFTP download /f: the SSH connection is lost; connect again.", FtpPhase.Transfer, "download /f"));
            yield return Row(true, "SFTP status connection lost", new SftpStatusException("SFTP open /f: connection lost", SftpStatus.ConnectionLost, "open /f", "/f"));
            yield return Row(true, "SFTP status no connection", new SftpStatusException("SFTP open /f: no connection", SftpStatus.NoConnection, "open /f", "/f"));

            // Permanent: 5xx, what the engine diagnosed, security, local failures, the user's own choices.
            yield return Row(false, "530 login incorrect", new FtpCommandException("Login failed", FtpPhase.Login, "USER u", Reply(530, "Login incorrect")));
            yield return Row(false, "550 missing file", Command(550, "Failed to open file"));
            yield return Row(false, "553 not allowed", Command(553, "Could not create file"));
            yield return Row(false, "552 quota", Command(552, "Exceeded storage allocation"));
            yield return Row(false, "502 not implemented", Command(502, "Command not implemented"));
            yield return Row(false, "450 diagnosed as not found", new FtpCommandException("Cannot download /f", FtpPhase.Transfer, "RETR /f", Reply(450, "No such file")) { Cause = FtpFailureCause.NotFound });
            yield return Row(false, "450 diagnosed as permission denied", new FtpCommandException("Cannot download /f", FtpPhase.Transfer, "RETR /f", Reply(450, "Busy")) { Cause = FtpFailureCause.PermissionDenied });
            yield return Row(false, "certificate untrusted", new FtpTlsException("The server's certificate is not trusted") { Cause = FtpFailureCause.CertificateUntrusted });
            yield return Row(false, "TLS handshake failed", new FtpTlsException("The TLS handshake failed"));
            yield return Row(false, "certificate pin mismatch on a connection error", new FtpConnectionException("pin", FtpPhase.Tls) { Cause = FtpFailureCause.CertificatePinMismatch });
            yield return Row(false, "implicit TLS port", new FtpConnectionException("implicit", FtpPhase.Connect, isTransient: false) { Cause = FtpFailureCause.ImplicitTlsPort });
            yield return Row(false, "host key not trusted", new SftpHostKeyException("unknown host key", "h", 22, "ssh-ed25519", "SHA256:x", SshHostKeyProblem.Unknown));
            yield return Row(false, "SSH authentication", new SftpAuthenticationException("no method accepted"));
            yield return Row(false, "SFTP no such file", new SftpStatusException("SFTP open /f: no such file", SftpStatus.NoSuchFile, "open /f", "/f"));
            yield return Row(false, "SFTP permission denied", new SftpStatusException("SFTP open /f: permission denied", SftpStatus.PermissionDenied, "open /f", "/f"));
            yield return Row(false, "SFTP failure", new SftpStatusException("SFTP open /f: failure", SftpStatus.Failure, "open /f", "/f"));
            yield return Row(false, "protocol violation", new FtpProtocolException("The server's PWD reply names no directory", FtpPhase.Command, "PWD"));
            yield return Row(false, "not supported", new FtpNotSupportedException("No MFMT", "MFMT"));
            yield return Row(false, "local stream failed (disk full)", new LocalStreamException("Writing the local file failed: No space left on device", new IOException("No space left on device")));
            yield return Row(false, "local IOException", new IOException("No space left on device"));
            yield return Row(false, "local access denied", new UnauthorizedAccessException("Access denied"));
            yield return Row(false, "-IfExists Fail", DestinationExistsException.ForDownload("/tmp/x"));
            yield return Row(false, "cancelled", new OperationCanceledException());
            yield return Row(false, "unusable argument", new ArgumentException("bad"));
        }

        private static object[] Row(bool transient, string label, Exception exception) => new object[] { label, exception, transient };

        [Theory]
        [MemberData(nameof(Table))]
        public void ClassifiesAsTheTableSays(string label, Exception exception, bool transient)
        {
            Assert.True(transient == TransientFailures.IsTransient(exception), label + ": expected " + (transient ? "transient" : "permanent"));
        }

        [Theory]
        [MemberData(nameof(Table))]
        public void WhenConnectingEveryTransientFailureIsTransientAndEveryPermanentOneButAHandshakeCutOffStaysPermanent(string label, Exception exception, bool transient)
        {
            Assert.True(transient == TransientFailures.IsTransientWhenConnecting(exception), label + ": expected " + (transient ? "transient" : "permanent") + " when connecting");
        }

        [Fact]
        public void ATlsHandshakeCutOffByTheServerIsTransientWhenConnectingOnlyAndARefusedOneNever()
        {
            var cut = new FtpTlsException("TLS could not be established with h: the TLS handshake on the control connection failed: Received an unexpected EOF or 0 bytes from the transport stream.", "AUTH TLS", null, new IOException("Received an unexpected EOF or 0 bytes from the transport stream."));
            var refused = new FtpTlsException("TLS could not be established with h: the TLS handshake on the control connection failed: Authentication failed.", "AUTH TLS", null, new System.Security.Authentication.AuthenticationException("Authentication failed"));
            var untrusted = new FtpTlsException("TLS could not be established with h: the certificate is not trusted.", "AUTH TLS", null, new IOException("cut")) { Cause = FtpFailureCause.CertificateUntrusted };
            var authTls4xx = new FtpTlsException("The server refused AUTH TLS (431 Unavailable)", "AUTH TLS", Reply(431, "Unavailable"));

            Assert.False(TransientFailures.IsTransient(cut));
            Assert.True(TransientFailures.IsTransientWhenConnecting(cut));
            Assert.False(TransientFailures.IsTransientWhenConnecting(refused));
            Assert.False(TransientFailures.IsTransientWhenConnecting(untrusted));
            Assert.False(TransientFailures.IsTransientWhenConnecting(authTls4xx));
        }

        [Fact]
        public void DescribesAFailureByItsReplyOrItsFirstSentence()
        {
            Assert.Equal("426 Connection closed; transfer aborted", TransientFailures.Describe(new FtpConnectionException("The server aborted the transfer. More.", FtpPhase.Transfer, "RETR /f", Reply(426, "Connection closed; transfer aborted."))));
            Assert.Equal("The server closed the control connection after RETR /f", TransientFailures.Describe(new FtpConnectionException("The server closed the control connection after RETR /f.", FtpPhase.Command)));
        }
    }
}

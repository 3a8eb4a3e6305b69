using System;
using FtpTools.Engine.Sftp;

namespace FtpTools.Engine.Retrying
{
    /// <summary>
    /// The one place that decides whether trying a failed operation again may help. Transient: a dropped or reset connection,
    /// a timeout, 421, 425, 426, 450, 451, 452 and other 4xx replies, a lost SSH connection. Permanent: 5xx replies, login,
    /// certificate and host-key failures, what the engine diagnosed as missing, forbidden or existing, local I/O errors,
    /// -IfExists Fail, and cancellation.
    /// </summary>
    public static class TransientFailures
    {
        public static bool IsTransient(Exception exception)
        {
            if (exception is null) throw new ArgumentNullException(nameof(exception));
            if (!(exception is FtpException ftp)) return false;
            switch (ftp)
            {
                case FtpTlsException _:
                case SftpHostKeyException _:
                case SftpAuthenticationException _:
                case FtpNotSupportedException _:
                case FtpProtocolException _:
                case FtpListingException _:
                    return false;
                case SftpStatusException status:
                    return status.Status == SftpStatus.ConnectionLost || status.Status == SftpStatus.NoConnection;
            }

            if (HasPermanentCause(ftp.Cause)) return false;
            // A negative reply decides by its class; a positive one (226 on a cut-off download) leaves it to the failure itself.
            if (ftp.ReplyCode is int code && code >= 400) return code < 500;
            return ftp.IsTransient;
        }

        /// <summary>
        /// Whether connecting again may help: what IsTransient says, and also a TLS handshake the server cut off (closed or reset
        /// before it finished: a server starting, restarting or overloaded). That one is not transient for a transfer, where a
        /// data connection's cut handshake usually means the server refused to resume the TLS session, which a retry cannot change.
        /// A refused or mismatched certificate, a protocol the two sides do not share and an AUTH TLS refusal stay permanent.
        /// </summary>
        public static bool IsTransientWhenConnecting(Exception exception)
        {
            if (exception is null) throw new ArgumentNullException(nameof(exception));
            return IsTransient(exception) || IsTlsHandshakeCutByPeer(exception);
        }

        /// <summary>The handshake ended on the transport (end of stream, reset), not on a decision: AuthenticationException is not an IOException.</summary>
        private static bool IsTlsHandshakeCutByPeer(Exception exception) =>
            exception is FtpTlsException tls && tls.Cause == FtpFailureCause.Unknown && tls.Reply is null && tls.InnerException is System.IO.IOException;

        /// <summary>A few words for the retry message: the reply ("426 Connection closed; transfer aborted") or the error's first sentence.</summary>
        public static string Describe(Exception exception)
        {
            if (exception is FtpException ftp && ftp.Reply is FtpReply reply) return reply.Summary;
            var message = exception.Message;
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end) : message.TrimEnd('.');
        }

        private static bool HasPermanentCause(FtpFailureCause cause)
        {
            switch (cause)
            {
                case FtpFailureCause.Unknown:
                case FtpFailureCause.IncompleteTransfer:
                    return false;
                default:
                    return true;
            }
        }
    }
}

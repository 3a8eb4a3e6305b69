using System;
using System.IO;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Sftp;

namespace FtpTools.Engine
{
    /// <summary>The one place that decides which stable id and kind a failure gets. Pure: no I/O, no host types.</summary>
    public static class FtpErrorClassifier
    {
        public static FtpErrorClassification Classify(Exception exception)
        {
            if (exception is null) throw new ArgumentNullException(nameof(exception));
            switch (exception)
            {
                case FtpException ftp:
                    return ClassifyFtp(ftp);
                case UnsafeRemoteNameException _:
                    return new FtpErrorClassification(FtpErrorIds.UnsafeRemoteName, FtpErrorKind.SecurityError, exception.Message);
                case DestinationExistsException exists:
                    return new FtpErrorClassification(FtpErrorIds.DestinationExists, FtpErrorKind.ResourceExists, exception.Message, exists.Advice);
                case RemoteItemNotFoundException _:
                    return new FtpErrorClassification(FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound, exception.Message);
                case OperationCanceledException _:
                    return new FtpErrorClassification(FtpErrorIds.CommandFailed, FtpErrorKind.Cancelled, "The operation was cancelled.");
                case ArgumentException argument:
                    return new FtpErrorClassification(FtpErrorIds.InvalidArgument, FtpErrorKind.InvalidArgument, MessageWithoutParameterName(argument));
                case UnauthorizedAccessException _:
                    return new FtpErrorClassification(FtpErrorIds.PermissionDenied, FtpErrorKind.PermissionDenied, exception.Message);
                case FileNotFoundException _:
                case DirectoryNotFoundException _:
                    return new FtpErrorClassification(FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound, exception.Message);
                case IOException _:
                    return new FtpErrorClassification(FtpErrorIds.TransferFailed, FtpErrorKind.WriteError, exception.Message);
                default:
                    return new FtpErrorClassification(FtpErrorIds.CommandFailed, FtpErrorKind.OperationFailed, exception.Message);
            }
        }

        private static FtpErrorClassification ClassifyFtp(FtpException exception)
        {
            var message = DescribeWithReply(exception);
            var code = exception.ReplyCode;
            if (ClassifySftp(exception, message) is FtpErrorClassification sftp) return sftp;

            var diagnosed = ClassifyCause(exception, message);
            if (diagnosed != null) return diagnosed;

            if (IsAuthTlsRefused(exception))
            {
                return new FtpErrorClassification(FtpErrorIds.TlsFailed, FtpErrorKind.SecurityError,
                    exception.Message.IndexOf("-Encryption", StringComparison.Ordinal) >= 0 ? message : "The server refused AUTH TLS (" + exception.Reply?.Summary + "): it does not support explicit FTPS on this port.",
                    AuthTlsAdvice);
            }

            if (exception is FtpTlsException || exception.Phase == FtpPhase.Tls)
                return new FtpErrorClassification(FtpErrorIds.TlsFailed, FtpErrorKind.SecurityError, message, UntrustedAdvice);

            if (code == 530 || (exception.Phase == FtpPhase.Login && code.HasValue && code.Value >= 500))
                return new FtpErrorClassification(FtpErrorIds.LoginFailed, FtpErrorKind.AuthenticationError, message, "Check the user name and password in -Credential.");

            if (exception is FtpNotSupportedException)
                return new FtpErrorClassification(FtpErrorIds.CommandFailed, FtpErrorKind.NotSupported, message);

            if (exception is FtpConnectionException)
                return new FtpErrorClassification(IdForPhase(exception.Phase, FtpErrorIds.CommandFailed), FtpErrorKind.ConnectionError, message);

            if (exception is FtpProtocolException || exception is FtpListingException)
                return new FtpErrorClassification(IdForPhase(exception.Phase, FtpErrorIds.CommandFailed), FtpErrorKind.ProtocolError, message);

            if (code.HasValue)
                return ClassifyReplyCode(exception, code.Value, message);

            return new FtpErrorClassification(IdForPhase(exception.Phase, FtpErrorIds.CommandFailed), FtpErrorKind.OperationFailed, message);
        }

        private const string AuthTlsAdvice =
            "Use -Encryption Implicit if the server offers implicit FTPS (usually port 990), or -Encryption None to connect without encryption (the password and data then travel in clear text).";

        private const string UntrustedAdvice = "If the server uses a self-signed certificate, pin it with -CertificateThumbprint (its SHA-256 thumbprint).";

        /// <summary>What the engine diagnosed (FtpException.Cause) decides before any reply code does.</summary>
        private static FtpErrorClassification? ClassifyCause(FtpException exception, string message)
        {
            switch (exception.Cause)
            {
                case FtpFailureCause.NotFound:
                    return new FtpErrorClassification(FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound, message);
                case FtpFailureCause.ParentNotFound:
                    return new FtpErrorClassification(FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound, message,
                        "Create the remote folder first (New-FtpDirectory), or check the destination path.");
                case FtpFailureCause.PermissionDenied:
                    return new FtpErrorClassification(FtpErrorIds.PermissionDenied, FtpErrorKind.PermissionDenied, message,
                        "Check this account's permissions on the server.");
                case FtpFailureCause.DirectoryNotEmpty:
                    return new FtpErrorClassification(FtpErrorIds.DirectoryNotEmpty, FtpErrorKind.OperationFailed, message);
                case FtpFailureCause.AlreadyExists:
                    return new FtpErrorClassification(FtpErrorIds.DestinationExists, FtpErrorKind.ResourceExists, message);
                case FtpFailureCause.CertificateUntrusted:
                    return new FtpErrorClassification(FtpErrorIds.TlsFailed, FtpErrorKind.SecurityError, message, UntrustedAdvice);
                case FtpFailureCause.CertificatePinMismatch:
                    return new FtpErrorClassification(FtpErrorIds.TlsFailed, FtpErrorKind.SecurityError, message,
                        "Check the thumbprint given to -CertificateThumbprint. If the server's certificate was renewed, confirm its new SHA-256 thumbprint with the server's administrator before pinning it.");
                case FtpFailureCause.AuthTlsRefused:
                    return new FtpErrorClassification(FtpErrorIds.TlsFailed, FtpErrorKind.SecurityError, message, AuthTlsAdvice);
                case FtpFailureCause.ImplicitTlsPort:
                    return new FtpErrorClassification(FtpErrorIds.ConnectFailed, FtpErrorKind.ProtocolError, message, "Use -Encryption Implicit.");
                case FtpFailureCause.PlainFtpPort:
                    return new FtpErrorClassification(FtpErrorIds.TlsFailed, FtpErrorKind.ProtocolError, message,
                        "Use -Encryption Explicit (the default) on this port, or the server's implicit FTPS port.");
                case FtpFailureCause.IncompleteTransfer:
                    return new FtpErrorClassification(FtpErrorIds.TransferFailed, FtpErrorKind.ConnectionError, message,
                        "Run the command again; with -IfExists Resume a download continues from the bytes that arrived.");
                case FtpFailureCause.VerificationFailed:
                    return new FtpErrorClassification(FtpErrorIds.VerificationFailed, FtpErrorKind.InvalidResult, message,
                        "Run the command again; if the file differs again, compare it on the server (Get-FtpFileHash) with the local file (Get-FileHash).");
                default:
                    return null;
            }
        }

        private static FtpErrorClassification ClassifyReplyCode(FtpException exception, int code, string message)
        {
            var phaseId = IdForPhase(exception.Phase, FtpErrorIds.CommandFailed);
            switch (code)
            {
                case 550:
                case 450:
                    // Not diagnosed by the engine: only the reply text can tell "not there" from "no permission" or "not empty".
                    if (SaysPermissionDenied(exception.Reply?.Message))
                        return new FtpErrorClassification(FtpErrorIds.PermissionDenied, FtpErrorKind.PermissionDenied, message);
                    if (SaysNotEmpty(exception.Reply?.Message))
                        return new FtpErrorClassification(FtpErrorIds.DirectoryNotEmpty, FtpErrorKind.OperationFailed, message);
                    if (SaysNotFound(exception.Reply?.Message))
                        return new FtpErrorClassification(FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound, message);
                    return new FtpErrorClassification(phaseId, FtpErrorKind.ResourceUnavailable, message);
                case 553:
                case 532:
                    return new FtpErrorClassification(FtpErrorIds.PermissionDenied, FtpErrorKind.PermissionDenied, message);
                case 452:
                case 552:
                    return new FtpErrorClassification(phaseId, FtpErrorKind.QuotaExceeded, message);
                case 425:
                    return new FtpErrorClassification(FtpErrorIds.DataConnectionFailed, FtpErrorKind.ConnectionError, message,
                        "Try another -DataConnection mode (Passive, ExtendedPassive or Active); a firewall or NAT may block the data connection.");
                case 426:
                    return new FtpErrorClassification(FtpErrorIds.TransferFailed, FtpErrorKind.ConnectionError, message);
                case 502:
                case 504:
                    return new FtpErrorClassification(phaseId, FtpErrorKind.NotSupported, message);
                case 500:
                case 501:
                    return new FtpErrorClassification(phaseId, FtpErrorKind.InvalidArgument, message);
            }

            if (code >= 400 && code < 500)
                return new FtpErrorClassification(phaseId, FtpErrorKind.ResourceUnavailable, message);
            return new FtpErrorClassification(phaseId, FtpErrorKind.OperationFailed, message);
        }

        private static FtpErrorClassification? ClassifySftp(FtpException exception, string message)
        {
            switch (exception)
            {
                case SftpHostKeyException hostKey:
                    return new FtpErrorClassification(FtpErrorIds.HostKeyNotTrusted, FtpErrorKind.SecurityError, message,
                        "Verify the fingerprint " + hostKey.Fingerprint + " with the server's administrator, then pass it with -HostKeyFingerprint, or use -KnownHostsFile (with -AcceptNewHostKey to record a first-seen key).");
                case SftpAuthenticationException _:
                    return new FtpErrorClassification(FtpErrorIds.LoginFailed, FtpErrorKind.AuthenticationError, message,
                        "Check the user name and password in -Credential, or the key in -KeyFile and its -KeyPassphrase.");
                case SftpStatusException status:
                    switch (status.Status)
                    {
                        case SftpStatus.NoSuchFile:
                            return new FtpErrorClassification(FtpErrorIds.ItemNotFound, FtpErrorKind.ObjectNotFound, message);
                        case SftpStatus.PermissionDenied:
                            return new FtpErrorClassification(FtpErrorIds.PermissionDenied, FtpErrorKind.PermissionDenied, message);
                        case SftpStatus.OperationUnsupported:
                            return new FtpErrorClassification(FtpErrorIds.CommandFailed, FtpErrorKind.NotSupported, message);
                        case SftpStatus.NoConnection:
                        case SftpStatus.ConnectionLost:
                            return new FtpErrorClassification(IdForPhase(exception.Phase, FtpErrorIds.CommandFailed), FtpErrorKind.ConnectionError, message);
                        case SftpStatus.BadMessage:
                            return new FtpErrorClassification(FtpErrorIds.CommandFailed, FtpErrorKind.ProtocolError, message);
                        default:
                            return new FtpErrorClassification(IdForPhase(exception.Phase, FtpErrorIds.CommandFailed), FtpErrorKind.OperationFailed, message);
                    }

                default:
                    return null;
            }
        }

        /// <summary>AUTH TLS answered with a permanent negative reply: the server has no explicit FTPS on this port.</summary>
        public static bool IsAuthTlsRefused(FtpException exception) =>
            exception.Phase == FtpPhase.Tls && exception.ReplyCode is int code && code >= 500 && code < 600
            && (exception.Command is null || exception.Command.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));

        private static bool SaysPermissionDenied(string? replyText)
        {
            if (string.IsNullOrEmpty(replyText)) return false;
            var text = replyText!.ToLowerInvariant();
            return text.Contains("permission") || text.Contains("denied") || text.Contains("not allowed") || text.Contains("access is");
        }

        private static bool SaysNotFound(string? replyText)
        {
            if (string.IsNullOrEmpty(replyText)) return false;
            var text = replyText!.ToLowerInvariant();
            return text.Contains("no such") || text.Contains("not found") || text.Contains("does not exist") || text.Contains("not exist") || text.Contains("cannot find");
        }

        private static bool SaysNotEmpty(string? replyText) =>
            !string.IsNullOrEmpty(replyText) && replyText!.ToLowerInvariant().Contains("not empty");

        private static string IdForPhase(FtpPhase phase, string fallback)
        {
            switch (phase)
            {
                case FtpPhase.Connect: return FtpErrorIds.ConnectFailed;
                case FtpPhase.Tls: return FtpErrorIds.TlsFailed;
                case FtpPhase.Login: return FtpErrorIds.LoginFailed;
                case FtpPhase.DataConnection: return FtpErrorIds.DataConnectionFailed;
                case FtpPhase.Transfer: return FtpErrorIds.TransferFailed;
                default: return fallback;
            }
        }

        private static string DescribeWithReply(FtpException exception)
        {
            var message = exception.Message;
            if (exception.Reply is FtpReply reply && message.IndexOf(reply.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) < 0)
                message += " Server reply: " + reply.Code + " " + reply.Message;
            return message;
        }

        /// <summary>
        /// ArgumentException.Message ends with the parameter's name ("(Parameter 'x')" on .NET, "Parameter name: x" on .NET
        /// Framework): a name from inside the engine, not one the user typed, so it is left out of what the user reads.
        /// </summary>
        public static string MessageWithoutParameterName(ArgumentException exception)
        {
            if (exception is null) throw new ArgumentNullException(nameof(exception));
            var message = exception.Message;
            if (string.IsNullOrEmpty(exception.ParamName)) return message;
            foreach (var suffix in new[] { " (Parameter '" + exception.ParamName + "')", Environment.NewLine + "Parameter name: " + exception.ParamName })
                if (message.EndsWith(suffix, StringComparison.Ordinal)) return message.Substring(0, message.Length - suffix.Length);
            return message;
        }
    }
}

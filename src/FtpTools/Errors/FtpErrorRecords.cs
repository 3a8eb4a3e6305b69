using System;
using System.Management.Automation;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>Builds every ErrorRecord the module writes: the engine classifies, this maps the kind to a PowerShell category.</summary>
    internal static class FtpErrorRecords
    {
        public static ErrorCategory ToCategory(FtpErrorKind kind)
        {
            switch (kind)
            {
                case FtpErrorKind.AuthenticationError: return ErrorCategory.AuthenticationError;
                case FtpErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case FtpErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case FtpErrorKind.ResourceUnavailable: return ErrorCategory.ResourceUnavailable;
                case FtpErrorKind.QuotaExceeded: return ErrorCategory.QuotaExceeded;
                case FtpErrorKind.ConnectionError: return ErrorCategory.ConnectionError;
                case FtpErrorKind.SecurityError: return ErrorCategory.SecurityError;
                case FtpErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case FtpErrorKind.NotSupported: return ErrorCategory.NotImplemented;
                case FtpErrorKind.ProtocolError: return ErrorCategory.ProtocolError;
                case FtpErrorKind.ResourceExists: return ErrorCategory.ResourceExists;
                case FtpErrorKind.WriteError: return ErrorCategory.WriteError;
                case FtpErrorKind.Cancelled: return ErrorCategory.OperationStopped;
                case FtpErrorKind.InvalidResult: return ErrorCategory.InvalidResult;
                default: return ErrorCategory.InvalidOperation;
            }
        }

        /// <param name="server">When several sessions are open, the server the failure happened on ("user@host:port"): it prefixes the message.</param>
        public static ErrorRecord FromException(Exception exception, object? target, string? server = null)
        {
            var classification = FtpErrorClassifier.Classify(exception);
            if (exception is FtpException ftp && ftp.RemotePath != null) target = ftp.RemotePath;
            if (server != null)
                classification = new FtpErrorClassification(classification.ErrorId, classification.Kind, "[" + server + "] " + classification.Message, classification.RecommendedAction);
            return Create(classification, exception, target);
        }

        public static ErrorRecord Create(FtpErrorClassification classification, Exception exception, object? target)
        {
            var record = new ErrorRecord(exception, classification.ErrorId, ToCategory(classification.Kind), target)
            {
                ErrorDetails = new ErrorDetails(classification.Message),
            };
            if (classification.RecommendedAction != null) record.ErrorDetails.RecommendedAction = classification.RecommendedAction;
            return record;
        }

        public static ErrorRecord NoSession() =>
            Create(
                new FtpErrorClassification(FtpErrorIds.NoSession, FtpErrorKind.OperationFailed,
                    "There is no FTP session in this runspace. Run Connect-FtpServer first, or pass a session with -Session.",
                    "Run Connect-FtpServer, or pass -Session."),
                new InvalidOperationException("There is no FTP session in this runspace. Run Connect-FtpServer first, or pass a session with -Session."),
                null);

        public static ErrorRecord InvalidArgument(string message, object? target) =>
            Create(new FtpErrorClassification(FtpErrorIds.InvalidArgument, FtpErrorKind.InvalidArgument, message), new ArgumentException(message), target);
    }
}

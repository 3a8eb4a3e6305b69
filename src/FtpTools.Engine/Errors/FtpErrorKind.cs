namespace FtpTools.Engine
{
    /// <summary>What kind of failure happened, independent of any host; the module maps each kind to one PowerShell ErrorCategory.</summary>
    public enum FtpErrorKind
    {
        OperationFailed,
        AuthenticationError,
        ObjectNotFound,
        PermissionDenied,
        ResourceUnavailable,
        QuotaExceeded,
        ConnectionError,
        SecurityError,
        InvalidArgument,
        NotSupported,
        ProtocolError,
        ResourceExists,
        WriteError,
        Cancelled,
        InvalidResult,
    }
}

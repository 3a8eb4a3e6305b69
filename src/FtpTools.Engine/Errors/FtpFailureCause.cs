namespace FtpTools.Engine
{
    /// <summary>
    /// What the engine found out about a failure beyond the reply code. A 550 can mean "not there", "no permission" or
    /// "directory not empty"; the engine looks (does the item exist? is the folder empty?) and records the answer here, so
    /// <see cref="FtpErrorClassifier"/> can give an accurate kind and message. Unknown when nothing was diagnosed.
    /// </summary>
    public enum FtpFailureCause
    {
        Unknown,

        /// <summary>The remote item the operation was about is not there.</summary>
        NotFound,

        /// <summary>The folder an item was to be created in (upload, new directory, rename target) is not there.</summary>
        ParentNotFound,

        /// <summary>The item is there, but the server refused the operation: most likely this account lacks permission.</summary>
        PermissionDenied,

        /// <summary>A directory could not be removed because it still has entries.</summary>
        DirectoryNotEmpty,

        /// <summary>The target of a rename or a new directory already exists.</summary>
        AlreadyExists,

        /// <summary>The server's certificate is not trusted here and no pin was given.</summary>
        CertificateUntrusted,

        /// <summary>Pins were given and the server's certificate is none of them.</summary>
        CertificatePinMismatch,

        /// <summary>The server answered AUTH TLS with a permanent negative reply: no explicit FTPS on this port.</summary>
        AuthTlsRefused,

        /// <summary>Plain or explicit FTP was asked for, but the port waits for a TLS handshake (implicit FTPS).</summary>
        ImplicitTlsPort,

        /// <summary>Implicit FTPS was asked for, but the port sent a plain FTP greeting (plain or explicit FTPS).</summary>
        PlainFtpPort,

        /// <summary>Fewer bytes arrived than the file has.</summary>
        IncompleteTransfer,

        /// <summary>-Verify found the transferred file's size or hash different from the source's.</summary>
        VerificationFailed,
    }
}

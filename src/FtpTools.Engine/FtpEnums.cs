namespace FtpTools.Engine
{
    public enum FtpEncryption
    {
        /// <summary>Plain FTP: credentials and data travel unencrypted.</summary>
        None,

        /// <summary>AUTH TLS on the ordinary port (RFC 4217), then PBSZ 0 and PROT P.</summary>
        Explicit,

        /// <summary>TLS from the first byte, by default on port 990.</summary>
        Implicit,
    }

    public enum FtpDataConnectionMode
    {
        /// <summary>EPSV, falling back to PASV once and remembering it for the session.</summary>
        Auto,
        ExtendedPassive,
        Passive,

        /// <summary>The server connects to the client (EPRT, or PORT for IPv4).</summary>
        Active,
    }

    public enum FtpItemType
    {
        File,
        Directory,
        SymbolicLink,
        Other,
    }

    public enum FtpUploadMode
    {
        /// <summary>STOR: replace what is there.</summary>
        Overwrite,

        /// <summary>APPE: add to the end of the remote file.</summary>
        Append,

        /// <summary>Continue an interrupted upload from the remote file's current size.</summary>
        Resume,
    }

    public enum FtpHashAlgorithm
    {
        SHA256,
        SHA1,
        MD5,
        CRC32,
        SHA512,
    }

    public enum FtpTraceDirection
    {
        Sent,
        Received,
        Info,
    }
}

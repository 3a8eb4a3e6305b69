namespace FtpTools.Engine.Diagnostics
{
    /// <summary>What a control port said first.</summary>
    public enum GreetingKind
    {
        /// <summary>No TCP connection.</summary>
        Unreachable,

        /// <summary>An FTP reply (normally 220).</summary>
        Ftp,

        /// <summary>Nothing within the greeting timeout: the port waits for the client, as an implicit FTPS port does.</summary>
        Silent,

        /// <summary>The server closed the connection without a word.</summary>
        Closed,

        /// <summary>An SSH banner: this is an SFTP port.</summary>
        Ssh,

        /// <summary>Something that is neither FTP nor SSH.</summary>
        Other,
    }
}

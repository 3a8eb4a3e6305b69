namespace FtpTools.Lab;

public enum LabEncryption
{
    /// <summary>Plain FTP.</summary>
    None,

    /// <summary>AUTH TLS on the control port; the lab's TLS servers require TLS on control and data.</summary>
    Explicit,

    /// <summary>TLS from the first byte (FTPS, RFC 4217 predecessor).</summary>
    Implicit,

    /// <summary>SSH (SFTP): the whole connection is encrypted by SSH.</summary>
    Ssh,
}

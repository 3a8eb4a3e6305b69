namespace FtpTools.Benchmark;

/// <summary>How the client reaches the server: FTP without TLS, FTP with explicit TLS, or SFTP over SSH.</summary>
internal enum Transport
{
    FtpPlain,
    FtpTls,
    Sftp,
}

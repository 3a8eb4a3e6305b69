namespace FtpTools.Benchmark;

/// <summary>
/// What every tool needs to reach one lab server; RootDirectory is the server's root on the local disk. Ssh is set for
/// the lab's sshd only. With --delay-ms, Host is the delay relay's address and DirectHost the server's own (the one its
/// certificate and known_hosts name). ProtocolLog: vsftpd's log of every command, null for other servers.
/// </summary>
internal sealed record ServerEndpoint(
    string Host,
    int Port,
    string User,
    string Password,
    bool Tls,
    string CertificatePath,
    string CertificateSha256,
    string RootDirectory,
    SshEndpoint? Ssh = null,
    string? DirectHost = null,
    string? ProtocolLog = null)
{
    public bool Relayed => DirectHost is not null;

    /// <summary>The server's own address: the name its TLS certificate and the lab's known_hosts use.</summary>
    public string NamedHost => DirectHost ?? Host;

    public string UrlBase => Ssh is null ? $"ftp://{Host}:{Port}" : $"sftp://{Host}:{Port}";

    /// <summary>The path a tool names on the server: FTP paths are rooted at the FTP root; SFTP paths are absolute (no chroot).</summary>
    public string RemotePath(string rootRelativePath) => Ssh is null ? rootRelativePath : Ssh.RemoteRootDirectory.TrimEnd('/') + rootRelativePath;
}

namespace FtpTools.Benchmark;

/// <summary>What every tool needs to reach one lab server; RootDirectory is the server's FTP root on the local disk.</summary>
internal sealed record ServerEndpoint(
    string Host,
    int Port,
    string User,
    string Password,
    bool Tls,
    string CertificatePath,
    string CertificateSha256,
    string RootDirectory)
{
    public string UrlBase => $"ftp://{Host}:{Port}";
}

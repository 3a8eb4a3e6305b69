namespace FtpTools.Engine
{
    /// <summary>The protocol behind an IRemoteFileSystem. FTP covers plain FTP and both kinds of FTPS.</summary>
    public enum RemoteProtocol
    {
        Ftp,
        Sftp,
    }
}

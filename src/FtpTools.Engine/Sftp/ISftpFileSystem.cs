namespace FtpTools.Engine.Sftp
{
    /// <summary>An SFTP session: the protocol-neutral file system plus what the SSH connection negotiated.</summary>
    public interface ISftpFileSystem : IRemoteFileSystem
    {
        SshSessionInfo SessionInfo { get; }
    }
}

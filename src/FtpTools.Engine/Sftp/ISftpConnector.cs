using System.Threading;

namespace FtpTools.Engine.Sftp
{
    /// <summary>Opens SFTP sessions. Implemented in FtpTools.Sftp (on SSH.NET); obtain one with SftpConnectorLoader.Load.</summary>
    public interface ISftpConnector
    {
        /// <summary>
        /// Connects, verifies the host key, authenticates and starts the SFTP subsystem. Throws SftpHostKeyException for a host
        /// key that is not trusted, SftpAuthenticationException when no method was accepted, FtpConnectionException for network
        /// failures, ArgumentException for invalid options (a malformed pin, a missing key file), OperationCanceledException.
        /// </summary>
        ISftpFileSystem Connect(SftpConnectionOptions options, CancellationToken cancellationToken);
    }
}

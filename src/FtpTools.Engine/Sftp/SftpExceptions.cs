using System;
using FtpTools.Engine.Sftp.HostKeys;

namespace FtpTools.Engine.Sftp
{
    /// <summary>The SFTP server refused a request with a status (no such file, permission denied, failure, ...). Command is the request and its path.</summary>
    public class SftpStatusException : FtpCommandException
    {
        public SftpStatusException(string message, SftpStatus status, string command, string? remotePath, Exception? innerException = null)
            : base(message, FtpPhase.Command, command, false, innerException)
        {
            Status = status;
            RemotePath = remotePath;
        }

        public SftpStatus Status { get; }
    }

    /// <summary>The server accepted none of the authentication methods offered (password, keyboard-interactive, the keys), or a key file could not be used.</summary>
    public class SftpAuthenticationException : FtpException
    {
        public SftpAuthenticationException(string message, Exception? innerException = null)
            : base(message, FtpPhase.Login, null, null, false, innerException)
        {
        }
    }

    /// <summary>The server's host key is not trusted: unknown, not matching a pin, changed or revoked. The message names the key's type and SHA256 fingerprint.</summary>
    public class SftpHostKeyException : FtpException
    {
        public SftpHostKeyException(string message, string host, int port, string keyType, string fingerprint, SshHostKeyProblem problem)
            : base(message, FtpPhase.Connect, null, null, false)
        {
            Host = host;
            Port = port;
            KeyType = keyType;
            Fingerprint = fingerprint;
            Problem = problem;
        }

        public string Host { get; }

        public int Port { get; }

        public string KeyType { get; }

        /// <summary>"SHA256:..." of the key the server presented.</summary>
        public string Fingerprint { get; }

        public SshHostKeyProblem Problem { get; }
    }
}

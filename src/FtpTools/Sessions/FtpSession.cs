using System;
using System.Linq;
using FtpTools.Engine;
using FtpTools.Engine.Completion;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Retrying;
using FtpTools.Engine.Sftp;

namespace FtpTools
{
    /// <summary>
    /// A connected FTP, FTPS or SFTP session, as Connect-FtpServer returns it. Pass it with -Session, or omit -Session to use the latest one.
    /// Only descriptive values are public: no member leads to the credential or to the engine behind the session.
    /// </summary>
    public sealed class FtpSession
    {
        internal FtpSession(int id, RemoteConnectionSlot connection, TraceRelay traceRelay, string computerName, int port, string userName)
        {
            Id = id;
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            var fileSystem = connection.Current;
            TraceRelay = traceRelay;
            ComputerName = computerName;
            Port = port;
            UserName = userName;
            if (fileSystem is FtpClient client)
            {
                Encryption = client.Options.Encryption;
                TlsProtocol = client.TlsProtocol;
                TlsCipherSuite = client.TlsCipherSuite;
                Greeting = client.Greeting;
                SystemType = client.SystemType;
                Features = client.Features.Names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
                ServerCertificateThumbprint = client.ServerCertificateThumbprint;
            }
            else if (fileSystem is ISftpFileSystem sftp)
            {
                var ssh = sftp.SessionInfo;
                Greeting = ssh.ServerVersion;
                HostKeyType = ssh.HostKeyType;
                HostKeyFingerprint = ssh.HostKeyFingerprint;
                HostKeyTrust = ssh.HostKeyTrust.ToString();
                KeyExchange = ssh.KeyExchange;
                Cipher = ssh.Cipher;
                Mac = ssh.Mac;
                AuthenticationMethod = ssh.AuthenticationMethod;
            }
        }

        /// <summary>Numbers sessions within one runspace, starting at 1.</summary>
        public int Id { get; }

        public RemoteProtocol Protocol => FileSystem.Protocol;

        public string ComputerName { get; }

        public int Port { get; }

        public string UserName { get; }

        /// <summary>FTP only: none, explicit or implicit FTPS.</summary>
        public FtpEncryption? Encryption { get; }

        public string? TlsProtocol { get; }

        public string? TlsCipherSuite { get; }

        /// <summary>FTP only: the data connection mode in effect (Auto resolves after the first transfer).</summary>
        public FtpDataConnectionMode? DataConnectionMode => Ftp?.EffectiveDataConnectionMode;

        public string Greeting { get; } = string.Empty;

        public string? SystemType { get; }

        public string[] Features { get; } = Array.Empty<string>();

        public bool IsConnected => FileSystem.IsConnected;

        public string CurrentDirectory => FileSystem.CurrentDirectory;

        /// <summary>SHA-256 of the server's certificate, for -CertificateThumbprint pins.</summary>
        public string? ServerCertificateThumbprint { get; }

        /// <summary>SFTP only: the server's host key type (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ...).</summary>
        public string? HostKeyType { get; }

        /// <summary>SFTP only: "SHA256:..." as OpenSSH prints it, the value for -HostKeyFingerprint.</summary>
        public string? HostKeyFingerprint { get; }

        /// <summary>SFTP only: why the host key was trusted (Pinned, KnownHosts, AcceptedNew).</summary>
        public string? HostKeyTrust { get; }

        /// <summary>SFTP only: the negotiated key exchange.</summary>
        public string? KeyExchange { get; }

        /// <summary>SFTP only: the negotiated cipher.</summary>
        public string? Cipher { get; }

        /// <summary>SFTP only: the negotiated MAC (the cipher's name for AEAD ciphers).</summary>
        public string? Mac { get; }

        /// <summary>SFTP only: publickey, password or keyboard-interactive.</summary>
        public string? AuthenticationMethod { get; }

        /// <summary>How often Send-FtpItem and Receive-FtpItem try a file again after a transient failure (-RetryCount of Connect-FtpServer).</summary>
        public int RetryCount => Retry.RetryCount;

        /// <summary>Seconds before the first retry, doubled before each next one up to a minute (-RetryDelay of Connect-FtpServer).</summary>
        public int RetryDelay => (int)Retry.RetryDelay.TotalSeconds;

        /// <summary>The retry policy the transfer cmdlets use unless given -RetryCount or -RetryDelay.</summary>
        internal RetryPolicy Retry { get; set; } = RetryPolicy.Default;

        /// <summary>The session's connection; it may be replaced by a fresh one with the same settings (see RemoteConnectionSlot).</summary>
        internal RemoteConnectionSlot Connection { get; }

        /// <summary>The connection in use now: read it for every call, never keep it.</summary>
        internal IRemoteFileSystem FileSystem => Connection.Current;

        /// <summary>The FTP engine behind an FTP session; null for other protocols.</summary>
        internal FtpClient? Ftp => FileSystem as FtpClient;

        internal TraceRelay TraceRelay { get; }

        /// <summary>Folder listings that tab completion keeps for a few seconds.</summary>
        internal CompletionListingCache CompletionCache { get; } = new CompletionListingCache(SystemFtpClock.Instance, CompletionListingCache.DefaultLifetime);

        public override string ToString()
        {
            var scheme = Protocol == RemoteProtocol.Sftp ? "sftp" : Encryption == FtpEncryption.None ? "ftp" : "ftps";
            return scheme + "://" + UserName + "@" + ComputerName + ":" + Port + " (Id " + Id + ")";
        }
    }
}

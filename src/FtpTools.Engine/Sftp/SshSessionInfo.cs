using FtpTools.Engine.Sftp.HostKeys;

namespace FtpTools.Engine.Sftp
{
    /// <summary>What an SSH connection negotiated, as the session object shows it.</summary>
    public sealed class SshSessionInfo
    {
        public SshSessionInfo(string serverVersion, string hostKeyType, string hostKeyFingerprint, SshHostKeyTrust hostKeyTrust, string keyExchange, string hostKeyAlgorithm,
            string cipherClientToServer, string cipherServerToClient, string macClientToServer, string macServerToClient, string authenticationMethod, int sftpProtocolVersion)
        {
            ServerVersion = serverVersion;
            HostKeyType = hostKeyType;
            HostKeyFingerprint = hostKeyFingerprint;
            HostKeyTrust = hostKeyTrust;
            KeyExchange = keyExchange;
            HostKeyAlgorithm = hostKeyAlgorithm;
            CipherClientToServer = cipherClientToServer;
            CipherServerToClient = cipherServerToClient;
            MacClientToServer = macClientToServer;
            MacServerToClient = macServerToClient;
            AuthenticationMethod = authenticationMethod;
            SftpProtocolVersion = sftpProtocolVersion;
        }

        /// <summary>The server's identification string, e.g. "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10".</summary>
        public string ServerVersion { get; }

        /// <summary>The key's own type: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ...</summary>
        public string HostKeyType { get; }

        /// <summary>"SHA256:" and base64 without padding, as OpenSSH prints it: the value for -HostKeyFingerprint.</summary>
        public string HostKeyFingerprint { get; }

        public SshHostKeyTrust HostKeyTrust { get; }

        public string KeyExchange { get; }

        /// <summary>The signature algorithm the host key was used with (rsa-sha2-512 for an ssh-rsa key, ...).</summary>
        public string HostKeyAlgorithm { get; }

        public string CipherClientToServer { get; }

        public string CipherServerToClient { get; }

        /// <summary>The MAC, or the AEAD cipher's name when the cipher authenticates itself (aes256-gcm, chacha20-poly1305).</summary>
        public string MacClientToServer { get; }

        public string MacServerToClient { get; }

        /// <summary>The method that completed authentication: publickey, password or keyboard-interactive.</summary>
        public string AuthenticationMethod { get; }

        public int SftpProtocolVersion { get; }

        /// <summary>One name when both directions agree (they nearly always do), else "a / b".</summary>
        public string Cipher => CipherClientToServer == CipherServerToClient ? CipherClientToServer : CipherClientToServer + " / " + CipherServerToClient;

        public string Mac => MacClientToServer == MacServerToClient ? MacClientToServer : MacClientToServer + " / " + MacServerToClient;
    }
}

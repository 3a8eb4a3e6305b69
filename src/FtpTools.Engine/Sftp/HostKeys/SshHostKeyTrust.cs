namespace FtpTools.Engine.Sftp.HostKeys
{
    /// <summary>Why a host key was trusted.</summary>
    public enum SshHostKeyTrust
    {
        /// <summary>It matches a -HostKeyFingerprint pin.</summary>
        Pinned,

        /// <summary>The known-hosts file has it for this host.</summary>
        KnownHosts,

        /// <summary>Seen for the first time and recorded in the known-hosts file (-AcceptNewHostKey).</summary>
        AcceptedNew,
    }

    /// <summary>Why a host key was refused.</summary>
    public enum SshHostKeyProblem
    {
        /// <summary>Nothing vouches for it: no pin matched and no known-hosts entry names the host.</summary>
        Unknown,

        /// <summary>Pins were given and the key matches none of them.</summary>
        PinMismatch,

        /// <summary>The known-hosts file has a different key of the same type for the host.</summary>
        Changed,

        /// <summary>The known-hosts file has keys for the host, only of other types.</summary>
        OtherKeyTypeKnown,

        /// <summary>The known-hosts file marks the key @revoked.</summary>
        Revoked,
    }
}

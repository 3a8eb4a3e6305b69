namespace FtpTools.Engine.Diagnostics
{
    /// <summary>What one attempt of Test-FtpConnection checked, in the order they run.</summary>
    public enum ProbeStep
    {
        /// <summary>A TCP connection to the control port.</summary>
        Reachability,

        /// <summary>The server's first words: an FTP 220, silence (a TLS-first port) or something else (SSH).</summary>
        Greeting,

        /// <summary>The TLS handshake on the control connection, certificate validation included.</summary>
        Tls,

        Login,

        /// <summary>A LIST or MLSD over a real data connection.</summary>
        Listing,

        /// <summary>A second data connection on the same session: it must resume the control connection's TLS session.</summary>
        TlsSessionReuse,

        /// <summary>The same login and listing with TLS 1.2 only, when TLS 1.3 data connections are refused.</summary>
        TlsVersion,

        Upload,
        Download,
        Delete,

        /// <summary>SFTP: the server's SSH host key against the pins or the known-hosts file.</summary>
        HostKey,

        /// <summary>SFTP: the SSH authentication.</summary>
        Authentication,
    }
}

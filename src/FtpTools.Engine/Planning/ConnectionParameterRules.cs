using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Engine.Planning
{
    /// <summary>Which Connect-FtpServer parameters belong to one protocol only: giving them for the other is an argument error that names them.</summary>
    public static class ConnectionParameterRules
    {
        private static readonly string[] FtpOnly =
        {
            "Encryption", "DataConnection", "ActivePortRange", "ActiveExternalAddress", "UseServerPassiveAddress",
            "CertificateThumbprint", "SkipCertificateCheck", "TlsProtocol",
        };

        private static readonly string[] SftpOnly = { "KeyFile", "KeyPassphrase", "HostKeyFingerprint", "KnownHostsFile", "AcceptNewHostKey" };

        /// <summary>Why the bound parameters do not fit the protocol, or null when they do.</summary>
        public static string? WhyRefused(RemoteProtocol protocol, IEnumerable<string> boundParameters)
        {
            if (boundParameters is null) throw new ArgumentNullException(nameof(boundParameters));
            var foreign = protocol == RemoteProtocol.Sftp ? FtpOnly : SftpOnly;
            var misplaced = boundParameters.Where(name => foreign.Contains(name, StringComparer.OrdinalIgnoreCase)).Select(name => "-" + name).ToList();
            if (misplaced.Count == 0) return null;
            return protocol == RemoteProtocol.Sftp
                ? string.Join(", ", misplaced) + (misplaced.Count == 1 ? " belongs" : " belong") + " to FTP and FTPS only; an SFTP session is secured by SSH (trust its host key with -HostKeyFingerprint or -KnownHostsFile)."
                : string.Join(", ", misplaced) + (misplaced.Count == 1 ? " belongs" : " belong") + " to SFTP only; add -Protocol Sftp (or use an sftp:// address) to connect over SSH.";
        }
    }
}

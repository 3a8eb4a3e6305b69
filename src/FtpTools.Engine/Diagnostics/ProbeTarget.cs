using System;
using System.Globalization;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>
    /// Test-FtpConnection's -ComputerName: a host name or address, host:port, [IPv6]:port, or a URL (ftp://, ftps:// for implicit
    /// FTPS, sftp://; a user name in it is ignored, since credentials come only from -Credential).
    /// </summary>
    public sealed class ProbeTarget
    {
        private ProbeTarget(string host, int port, RemoteProtocol? protocol, FtpEncryption? encryption)
        {
            Host = host;
            Port = port;
            Protocol = protocol;
            Encryption = encryption;
        }

        public string Host { get; }

        /// <summary>0 when the text names no port.</summary>
        public int Port { get; }

        /// <summary>The protocol the scheme names, or null.</summary>
        public RemoteProtocol? Protocol { get; }

        /// <summary>Implicit for ftps://, else null.</summary>
        public FtpEncryption? Encryption { get; }

        /// <exception cref="ArgumentException">an unknown scheme, an empty host or a port out of range</exception>
        public static ProbeTarget Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A host name or address is required.", nameof(text));
            var rest = text.Trim();
            RemoteProtocol? protocol = null;
            FtpEncryption? encryption = null;
            var scheme = rest.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                switch (rest.Substring(0, scheme).ToLowerInvariant())
                {
                    case "ftp": protocol = RemoteProtocol.Ftp; break;
                    case "ftps": protocol = RemoteProtocol.Ftp; encryption = FtpEncryption.Implicit; break;
                    case "sftp": protocol = RemoteProtocol.Sftp; break;
                    default: throw new ArgumentException("'" + text + "' names an unknown scheme; use ftp://, ftps:// or sftp://.", nameof(text));
                }

                rest = rest.Substring(scheme + 3);
                var slash = rest.IndexOf('/');
                if (slash >= 0) rest = rest.Substring(0, slash);
                var at = rest.LastIndexOf('@');
                if (at >= 0) rest = rest.Substring(at + 1);
            }

            string host;
            string? portText = null;
            if (rest.StartsWith("[", StringComparison.Ordinal))
            {
                var close = rest.IndexOf(']');
                if (close < 0) throw new ArgumentException("'" + text + "' has an unclosed [ in its address.", nameof(text));
                host = rest.Substring(1, close - 1);
                var after = rest.Substring(close + 1);
                if (after.StartsWith(":", StringComparison.Ordinal)) portText = after.Substring(1);
                else if (after.Length > 0) throw new ArgumentException("'" + text + "' has text after its address.", nameof(text));
            }
            else if (rest.IndexOf(':') >= 0 && rest.IndexOf(':') == rest.LastIndexOf(':'))
            {
                var colon = rest.IndexOf(':');
                host = rest.Substring(0, colon);
                portText = rest.Substring(colon + 1);
            }
            else
            {
                host = rest; // a host name, an IPv4 address or a bare IPv6 address
            }

            if (host.Length == 0) throw new ArgumentException("'" + text + "' names no host.", nameof(text));
            var port = 0;
            if (portText != null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535))
                throw new ArgumentException("'" + text + "' has an invalid port; use 1-65535.", nameof(text));
            return new ProbeTarget(host, port, protocol, encryption);
        }
    }
}

using System;
using System.Globalization;
using System.Net;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// What -ComputerName names: a host ("ftp.example.com", "192.0.2.1", "::1"), optionally with a port ("host:2121",
    /// "[::1]:2121"), a user ("user@host") and a scheme that chooses the protocol and encryption: ftp:// (no encryption),
    /// ftps:// and ftpes:// (FTPS, explicit unless -Encryption Implicit), sftp:// (SSH). Passwords and paths are refused:
    /// passwords come only from -Credential, and a server address names no folder.
    /// </summary>
    public sealed class ServerAddress
    {
        private ServerAddress(string text, string? scheme, RemoteProtocol protocol, string host, int? port, string? userName)
        {
            Text = text;
            Scheme = scheme;
            Protocol = protocol;
            Host = host;
            Port = port;
            UserName = userName;
        }

        /// <summary>The text as given.</summary>
        public string Text { get; }

        /// <summary>"ftp", "ftps", "ftpes", "sftp", or null for a bare host.</summary>
        public string? Scheme { get; }

        public RemoteProtocol Protocol { get; }

        /// <summary>The host name or IP address, IPv6 without brackets.</summary>
        public string Host { get; }

        /// <summary>The port the text names, or null.</summary>
        public int? Port { get; }

        /// <summary>The user the text names ("user@host"), or null.</summary>
        public string? UserName { get; }

        /// <summary>The encryption the scheme implies: ftp:// None, ftps:// and ftpes:// Explicit; null for a bare host or sftp://.</summary>
        public FtpEncryption? SchemeEncryption =>
            Scheme == "ftp" ? FtpEncryption.None : Scheme == "ftps" || Scheme == "ftpes" ? FtpEncryption.Explicit : (FtpEncryption?)null;

        public static ServerAddress Parse(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            var value = text.Trim();
            if (value.Length == 0) throw new ArgumentException("-ComputerName is empty.");

            string? scheme = null;
            var rest = value;
            var separator = value.IndexOf("://", StringComparison.Ordinal);
            if (separator >= 0)
            {
                scheme = value.Substring(0, separator).ToLowerInvariant();
                rest = value.Substring(separator + 3);
                if (scheme != "ftp" && scheme != "ftps" && scheme != "ftpes" && scheme != "sftp")
                    throw new ArgumentException("-ComputerName '" + text + "' has the scheme '" + scheme + "://', which is not FTP: use ftp://, ftps:// or sftp://, or give the host name alone.");
            }

            var pathStart = rest.IndexOfAny(new[] { '/', '?', '#' });
            if (pathStart >= 0)
            {
                var path = rest.Substring(pathStart);
                rest = rest.Substring(0, pathStart);
                if (path != "/")
                    throw new ArgumentException("-ComputerName '" + text + "' names a path ('" + path + "'), but it takes only a server address. Connect to the server, then give the path to the other cmdlets (for example Get-FtpChildItem -Path '" + path + "').");
            }

            string? userName = null;
            var at = rest.LastIndexOf('@');
            if (at >= 0)
            {
                var userInfo = rest.Substring(0, at);
                rest = rest.Substring(at + 1);
                if (userInfo.IndexOf(':') >= 0)
                    throw new ArgumentException("-ComputerName '" + Redact(text) + "' contains a password. Passwords are taken only from -Credential, never from the server address.");
                if (userInfo.Length == 0) throw new ArgumentException("-ComputerName '" + text + "' has an empty user name before '@'.");
                userName = Uri.UnescapeDataString(userInfo);
            }

            SplitHostAndPort(text, rest, out var host, out var port);
            var protocol = scheme == "sftp" ? RemoteProtocol.Sftp : RemoteProtocol.Ftp;
            return new ServerAddress(text, scheme, protocol, host, port, userName);
        }

        /// <summary>The port to connect to: -Port when given (0: not given), else the one in the address, else 0 (the protocol's default). Both given and different: an argument error.</summary>
        public int ChoosePort(int portParameter)
        {
            if (portParameter == 0) return Port ?? 0;
            if (Port is int named && named != portParameter)
                throw new ArgumentException("-ComputerName '" + Text + "' names port " + named + ", but -Port is " + portParameter + ". Give the port once, or make them agree.");
            return portParameter;
        }

        /// <summary>The encryption to use: -Encryption when given (it must agree with the scheme), else the scheme's, else Explicit.</summary>
        public FtpEncryption ChooseEncryption(FtpEncryption? encryptionParameter)
        {
            if (Protocol == RemoteProtocol.Sftp)
            {
                if (encryptionParameter.HasValue)
                    throw new ArgumentException("-ComputerName '" + Text + "' asks for SFTP, which is always encrypted by SSH; -Encryption " + encryptionParameter + " applies to FTP only. Remove -Encryption.", "Encryption");
                return FtpEncryption.None;
            }

            var fromScheme = SchemeEncryption;
            if (!encryptionParameter.HasValue) return fromScheme ?? FtpEncryption.Explicit;
            var chosen = encryptionParameter.Value;
            if (fromScheme is null || chosen == fromScheme) return chosen;
            if (Scheme == "ftps" && chosen == FtpEncryption.Implicit) return chosen; // ftps:// is FTP over TLS, explicit or implicit
            var meaning = fromScheme == FtpEncryption.None ? "plain FTP without encryption" : Scheme == "ftps" ? "FTPS (encrypted)" : "explicit FTPS";
            throw new ArgumentException("-ComputerName '" + Text + "' asks for " + meaning + " (" + Scheme + "://), but -Encryption is " + chosen
                + ". Give the encryption once, or make them agree.");
        }

        /// <summary>Checks the address's user against the credential's: none named, or the same. A user but no credential is an argument error (no prompting).</summary>
        public void CheckUserName(string? credentialUserName, bool hasCredential)
        {
            if (UserName is null) return;
            if (!hasCredential)
                throw new ArgumentException("-ComputerName '" + Text + "' names the user '" + UserName + "', but no -Credential was given. Passwords come only from -Credential: pass a credential for '" + UserName + "'.");
            if (!string.Equals(UserName, credentialUserName, StringComparison.Ordinal))
                throw new ArgumentException("-ComputerName '" + Text + "' names the user '" + UserName + "', but -Credential is for '" + credentialUserName + "'. Give the user once, or make them agree.");
        }

        public override string ToString() => Text;

        private static void SplitHostAndPort(string text, string hostPort, out string host, out int? port)
        {
            port = null;
            string? portText = null;
            if (hostPort.StartsWith("[", StringComparison.Ordinal))
            {
                var close = hostPort.IndexOf(']');
                if (close < 0) throw new ArgumentException("-ComputerName '" + text + "' opens '[' for an IPv6 address but does not close it.");
                host = hostPort.Substring(1, close - 1);
                var after = hostPort.Substring(close + 1);
                if (after.Length > 0)
                {
                    if (after[0] != ':') throw new ArgumentException("-ComputerName '" + text + "' has '" + after + "' after the IPv6 address; expected ':port'.");
                    portText = after.Substring(1);
                }

                if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                    throw new ArgumentException("-ComputerName '" + text + "': '" + host + "' in brackets is not an IPv6 address.");
            }
            else
            {
                var colons = 0;
                foreach (var c in hostPort) if (c == ':') colons++;
                if (colons == 1)
                {
                    var colon = hostPort.IndexOf(':');
                    host = hostPort.Substring(0, colon);
                    portText = hostPort.Substring(colon + 1);
                }
                else if (colons > 1)
                {
                    // A bare IPv6 address: no port can follow it without brackets.
                    if (!IPAddress.TryParse(hostPort, out _))
                        throw new ArgumentException("-ComputerName '" + text + "' is not a host name, an IPv4 address or an IPv6 address (write an IPv6 address with a port as [address]:port).");
                    host = hostPort;
                }
                else
                {
                    host = hostPort;
                }
            }

            if (host.Length == 0) throw new ArgumentException("-ComputerName '" + text + "' names no host.");
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
                throw new ArgumentException("-ComputerName '" + text + "': '" + host + "' is not a valid host name or IP address.");
            if (portText != null)
            {
                if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > 65535)
                    throw new ArgumentException("-ComputerName '" + text + "': the port '" + portText + "' is not a number from 1 to 65535.");
                port = number;
            }
        }

        private static string Redact(string text)
        {
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            var start = separator >= 0 ? separator + 3 : 0;
            var at = text.LastIndexOf('@');
            var colon = at > start ? text.IndexOf(':', start) : -1;
            return colon >= 0 && colon < at ? text.Substring(0, colon + 1) + "********" + text.Substring(at) : text;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>The plain-words sentences of Test-FtpConnection, one per cause, so that tests and help quote the same text.</summary>
    public static class ProbeDiagnoses
    {
        public static string Unreachable(string host, int port, string failure) =>
            failure == "refused"
                ? "Nothing listens on port " + port + " of " + host + " (the connection was refused): check the port, and that the server runs."
                : "Port " + port + " of " + host + " did not answer (" + failure + "): check the host name and port, and that no firewall between here and the server drops the connection.";

        public static string Greeting(string text) => "The server greets with \"" + text + "\".";

        public static string SilentServer(int port, string wait) =>
            "Port " + port + " accepted the connection but the server said nothing within " + wait + ": it waits for the client to speak first, as an implicit FTPS port does.";

        public static string ImplicitPort(int port) => "Port " + port + " speaks implicit FTPS; use -Encryption Implicit.";

        public static string SilentNotTls(int port, string wait) =>
            "Port " + port + " accepted the connection but sent no FTP greeting within " + wait + " and no TLS handshake either: it is probably not an FTP port.";

        public static string ClosedAtOnce(int port) => "Port " + port + " accepted the connection and closed it without a greeting: the server refuses this client (an access rule or too many connections).";

        public static string SshPort(int port, string banner) => "Port " + port + " speaks SSH (\"" + banner + "\"); use -Protocol Sftp.";

        public static string NotFtp(int port, string text) => "Port " + port + " does not speak FTP (it sent \"" + text + "\").";

        public static string ServerRefused(string reply) => "The server refused the session in its greeting (" + reply + ").";

        public static string ExplicitRefused(string reply) => "The server does not offer explicit FTPS on this port (AUTH TLS was answered with " + reply + ").";

        public static string CertificateNotTrusted(string engineMessage, string? thumbprint) =>
            engineMessage.TrimEnd() + (thumbprint is null ? string.Empty : " If you trust this server, pin its certificate: -CertificateThumbprint " + thumbprint + ".");

        public static string TlsFailed(string engineMessage) => "The TLS handshake failed: " + engineMessage;

        public static string LoginFailed(string user, string reply) => "Login as \"" + user + "\" failed (" + reply + "): check the user name and password.";

        public static string EncryptionRequired(string reply) => "The server requires TLS for this account (" + reply + ").";

        public static string PlainOnly() =>
            "Only plain FTP works: the password and the files cross the network unencrypted. Use it only on a network you trust, and ask the server's administrator to enable FTPS.";

        public static string ActiveBlocked(IPEndPoint advertised) =>
            "Active mode failed: the server could not connect back to " + advertised + ". A firewall or NAT in front of this computer blocks inbound connections; use passive mode (the default).";

        public static string ActiveRefused(string command, string reply) =>
            "Active mode failed: the server refused " + command + " (" + reply + "); it does not accept the address this computer advertised. Behind NAT give -ActiveExternalAddress, or use passive mode (the default).";

        public static string PassivePortClosed(IPAddress address, int port, bool refused) =>
            "Passive mode failed: port " + port + " on " + address + (refused ? " refused the connection" : " did not answer")
            + ". The server's passive port range is not open in its firewall; its administrator must open it (vsftpd pasv_min_port/pasv_max_port).";

        public static string PrivatePassiveAddress(IPAddress advertised, IPAddress control, bool controlAddressWorks)
        {
            var what = IsPrivate(advertised)
                ? "The server advertises the private address " + advertised + " in its 227 reply (it is behind NAT)"
                : "The server advertises " + advertised + " in its 227 reply, not the address it was reached at (" + control + ")";
            return what + (controlAddressWorks
                ? "; FtpTools uses the control connection's address instead, which works."
                : "; FtpTools uses the control connection's address (" + control + ") instead. Do not use -UseServerPassiveAddress.");
        }

        public static string SessionReuseRequired(string reply) =>
            "The server requires TLS session reuse on data connections (" + reply + "). FtpTools resumes the control connection's TLS session; this failure means the session "
            + "could not be resumed (a proxy in between, or a TLS 1.3 server that refuses resumption: try -TlsProtocol Tls12).";

        public static string SessionReuseWorks() => "Data connections resume the control connection's TLS session, as servers that require TLS session reuse demand.";

        public static string Tls12Needed() => "TLS 1.3 data connections fail but TLS 1.2 works: use -TlsProtocol Tls12.";

        public static string DataRefused(string mode, string reply) => mode + " failed: the server could not open the data connection (" + reply + ").";

        public static string DeepMismatch(int sent, long received) => "The downloaded test file differs from the uploaded one (" + sent + " bytes sent, " + received + " received): something between client and server alters data.";

        public static string DeepWorks(int bytes) => "A " + bytes + "-byte file was uploaded, downloaded byte for byte, and deleted.";

        public static string NothingWorks() => "No combination worked; the attempts above say why.";

        public static string HostKeyToPin(string keyType, string fingerprint) =>
            "The server's host key is " + keyType + " " + fingerprint + ". Check it with the server's administrator, then pin it: -HostKeyFingerprint '" + fingerprint + "'.";

        public static string HostKeyTrusted(string keyType, string fingerprint) => "The server's host key " + keyType + " " + fingerprint + " is trusted.";

        public static string SftpAuthenticationFailed(string user, string engineMessage) => "Authentication as \"" + user + "\" failed: " + engineMessage;

        public static string NotSsh(int port, GreetingKind kind, string text) =>
            kind == GreetingKind.Ftp ? "Port " + port + " speaks FTP (\"" + text + "\"), not SSH; use -Protocol Ftp." : "Port " + port + " does not speak SSH.";

        /// <summary>RFC 1918, RFC 6598 (carrier-grade NAT), link-local and IPv6 unique-local addresses.</summary>
        public static bool IsPrivate(IPAddress address)
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                if (address.IsIPv4MappedToIPv6) return IsPrivate(address.MapToIPv4());
                var first = address.GetAddressBytes()[0];
                return (first & 0xFE) == 0xFC || address.IsIPv6LinkLocal;
            }

            var b = address.GetAddressBytes();
            return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254);
        }
    }
}

using System.Security.Authentication;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>An encryption, port and TLS version pair that a probe logs in with.</summary>
    internal sealed class FtpLoginSettings
    {
        public FtpLoginSettings(FtpEncryption encryption, int port, SslProtocols tlsProtocols)
        {
            Encryption = encryption;
            Port = port;
            TlsProtocols = tlsProtocols;
        }

        public FtpEncryption Encryption { get; }

        public int Port { get; }

        public SslProtocols TlsProtocols { get; }

        public string EncryptionName => Encryption.ToString();

        public FtpLoginSettings WithTls12() => new FtpLoginSettings(Encryption, Port, SslProtocols.Tls12);

        public string Describe(string? tlsProtocol) =>
            (Encryption == FtpEncryption.Explicit ? "explicit FTPS" : Encryption == FtpEncryption.Implicit ? "implicit FTPS" : "plain FTP (unencrypted)")
            + " on port " + Port + (tlsProtocol is null ? string.Empty : " (" + TlsNames.Readable(tlsProtocol) + ")");
    }

    internal static class TlsNames
    {
        /// <summary>"Tls13" as "TLS 1.3".</summary>
        public static string Readable(string protocol) =>
            protocol.StartsWith("Tls", System.StringComparison.Ordinal) && protocol.Length == 5 ? "TLS " + protocol[3] + "." + protocol[4] : protocol;

        /// <summary>Connect-FtpServer's -TlsProtocol values for a restriction (empty for SslProtocols.None, the default).</summary>
        public static string[] ParameterValues(SslProtocols protocols)
        {
            var names = new System.Collections.Generic.List<string>();
            if ((protocols & SslProtocols.Tls12) != 0) names.Add("Tls12");
            if ((protocols & Planning.TlsProtocolNames.Tls13) != 0) names.Add("Tls13");
            return names.ToArray();
        }
    }
}

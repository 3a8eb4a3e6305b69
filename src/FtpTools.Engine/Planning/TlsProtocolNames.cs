using System;
using System.Collections.Generic;
using System.Security.Authentication;

namespace FtpTools.Engine.Planning
{
    /// <summary>Maps -TlsProtocol names to SslProtocols. Tls13 has no name in netstandard2.0, so its value is written out.</summary>
    public static class TlsProtocolNames
    {
        public const SslProtocols Tls13 = (SslProtocols)12288;

        public static SslProtocols ToSslProtocols(IEnumerable<string>? names)
        {
            var result = SslProtocols.None;
            if (names is null) return result;
            foreach (var name in names)
            {
                if (string.Equals(name, "Tls12", StringComparison.OrdinalIgnoreCase)) result |= SslProtocols.Tls12;
                else if (string.Equals(name, "Tls13", StringComparison.OrdinalIgnoreCase)) result |= Tls13;
                else throw new ArgumentException("'" + name + "' is not a supported TLS protocol; use Tls12 or Tls13.", nameof(names));
            }

            return result;
        }
    }
}

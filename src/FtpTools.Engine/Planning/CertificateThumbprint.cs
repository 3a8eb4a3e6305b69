using System;
using System.Text;

namespace FtpTools.Engine.Planning
{
    /// <summary>Checks a -CertificateThumbprint value: a SHA-256 hash of the certificate, 64 hex digits (colons and spaces allowed).</summary>
    public static class CertificateThumbprint
    {
        public static string Normalize(string thumbprint)
        {
            if (thumbprint is null) throw new ArgumentNullException(nameof(thumbprint));
            var builder = new StringBuilder(64);
            foreach (var c in thumbprint)
            {
                if (c == ':' || c == ' ' || c == '-') continue;
                if (!Uri.IsHexDigit(c))
                    throw new ArgumentException("The certificate thumbprint '" + thumbprint + "' contains '" + c + "', which is not a hexadecimal digit.", nameof(thumbprint));
                builder.Append(char.ToUpperInvariant(c));
            }

            if (builder.Length == 40)
                throw new ArgumentException("The certificate thumbprint '" + thumbprint + "' has 40 digits: that is a SHA-1 thumbprint (what the Windows certificate store shows). -CertificateThumbprint expects the SHA-256 thumbprint (64 hex digits), e.g. from (Get-FileHash -Algorithm SHA256 cert.cer).Hash or the session's ServerCertificateThumbprint.", nameof(thumbprint));
            if (builder.Length != 64)
                throw new ArgumentException("The certificate thumbprint '" + thumbprint + "' has " + builder.Length + " hex digits; a SHA-256 thumbprint has 64.", nameof(thumbprint));
            return builder.ToString();
        }
    }
}

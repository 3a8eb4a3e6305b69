using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FtpTools.Engine
{
    /// <summary>
    /// Checks a certificate's subjectAltName against a host name or an IP address (RFC 6125). We do this ourselves
    /// for IP literals because the TLS layer is then given a synthetic host name (see FtpTlsContext).
    /// </summary>
    public static class CertificateNameMatcher
    {
        private const string SubjectAltNameOid = "2.5.29.17";

        public static bool Matches(X509Certificate2 certificate, string host)
        {
            var names = ReadSubjectAltNames(certificate);
            if (IPAddress.TryParse(host, out var address))
            {
                // ::ffff:127.0.0.1 is 127.0.0.1: certificates name the IPv4 form.
                if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
                foreach (var candidate in names.Addresses)
                    if (candidate.Equals(address)) return true;
                return false;
            }

            var dnsNames = names.DnsNames;
            if (dnsNames.Count == 0)
            {
                // Legacy certificates without SAN: fall back to the subject CN.
                var commonName = certificate.GetNameInfo(X509NameType.SimpleName, false);
                if (!string.IsNullOrEmpty(commonName)) dnsNames = new List<string> { commonName };
            }

            foreach (var pattern in dnsNames)
                if (DnsNameMatches(pattern, host)) return true;
            return false;
        }

        internal static bool DnsNameMatches(string pattern, string host)
        {
            pattern = pattern.TrimEnd('.');
            host = host.TrimEnd('.');
            if (string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)) return true;
            if (!pattern.StartsWith("*.", StringComparison.Ordinal)) return false;
            var firstDot = host.IndexOf('.');
            if (firstDot <= 0) return false;
            // A wildcard covers exactly one left-most label.
            return string.Equals(pattern.Substring(1), host.Substring(firstDot), StringComparison.OrdinalIgnoreCase);
        }

        internal static SubjectAltNames ReadSubjectAltNames(X509Certificate2 certificate)
        {
            var result = new SubjectAltNames();
            foreach (var extension in certificate.Extensions)
            {
                if (extension.Oid?.Value != SubjectAltNameOid) continue;
                var der = extension.RawData;
                var position = 0;
                if (!TryReadHeader(der, ref position, out var tag, out var length) || tag != 0x30) return result;
                var sequenceEnd = position + length;
                while (position < sequenceEnd)
                {
                    if (!TryReadHeader(der, ref position, out tag, out length) || position + length > der.Length) return result;
                    if (tag == 0x82) result.DnsNames.Add(System.Text.Encoding.ASCII.GetString(der, position, length));
                    else if (tag == 0x87 && (length == 4 || length == 16))
                    {
                        var bytes = new byte[length];
                        Buffer.BlockCopy(der, position, bytes, 0, length);
                        result.Addresses.Add(new IPAddress(bytes));
                    }

                    position += length;
                }
            }

            return result;
        }

        private static bool TryReadHeader(byte[] der, ref int position, out int tag, out int length)
        {
            tag = 0;
            length = 0;
            if (position + 2 > der.Length) return false;
            tag = der[position++];
            int first = der[position++];
            if (first < 0x80)
            {
                length = first;
                return true;
            }

            var count = first & 0x7F;
            if (count == 0 || count > 3 || position + count > der.Length) return false;
            for (var i = 0; i < count; i++) length = (length << 8) | der[position++];
            return true;
        }

        internal sealed class SubjectAltNames
        {
            public List<string> DnsNames { get; } = new List<string>();

            public List<IPAddress> Addresses { get; } = new List<IPAddress>();
        }

        /// <summary>Upper-case hex SHA-256 of the certificate's DER encoding: the thumbprint users pin.</summary>
        public static string Sha256Thumbprint(X509Certificate certificate)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create())
            {
                var hash = sha.ComputeHash(certificate.GetRawCertData());
                var builder = new System.Text.StringBuilder(hash.Length * 2);
                foreach (var b in hash) builder.Append(b.ToString("X2", CultureInfo.InvariantCulture));
                return builder.ToString();
            }
        }

        /// <summary>Normalizes a user-supplied thumbprint: drops separators (':', ' ', '-') and upper-cases it.</summary>
        public static string NormalizeThumbprint(string thumbprint)
        {
            var builder = new System.Text.StringBuilder(thumbprint.Length);
            foreach (var c in thumbprint)
                if (Uri.IsHexDigit(c)) builder.Append(char.ToUpperInvariant(c));
                else if (c != ':' && c != ' ' && c != '-') throw new ArgumentException("A certificate thumbprint is hexadecimal: \"" + thumbprint + "\" is not.", nameof(thumbprint));
            if (builder.Length != 64) throw new ArgumentException("A pinned certificate thumbprint must be the SHA-256 hash (64 hex digits); \"" + thumbprint + "\" has " + builder.Length + ".", nameof(thumbprint));
            return builder.ToString();
        }
    }
}

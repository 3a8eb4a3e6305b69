using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace FtpTools.Engine.Tests.Tls
{
    public class CertificateNameMatcherTests
    {
        private static X509Certificate2 Certificate(string commonName, Action<SubjectAlternativeNameBuilder>? names)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (names != null)
            {
                var builder = new SubjectAlternativeNameBuilder();
                names(builder);
                request.CertificateExtensions.Add(builder.Build());
            }

            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        }

        [Fact]
        public void MatchesIpAddressesInSubjectAltName()
        {
            using var certificate = Certificate("localhost", b =>
            {
                b.AddDnsName("localhost");
                b.AddIpAddress(IPAddress.Loopback);
                b.AddIpAddress(IPAddress.IPv6Loopback);
            });
            Assert.True(CertificateNameMatcher.Matches(certificate, "127.0.0.1"));
            Assert.True(CertificateNameMatcher.Matches(certificate, "::1"));
            Assert.True(CertificateNameMatcher.Matches(certificate, "::ffff:127.0.0.1"));
            Assert.True(CertificateNameMatcher.Matches(certificate, "localhost"));
            Assert.True(CertificateNameMatcher.Matches(certificate, "LOCALHOST"));
            Assert.False(CertificateNameMatcher.Matches(certificate, "127.0.0.2"));
            Assert.False(CertificateNameMatcher.Matches(certificate, "ftp.example.com"));
        }

        [Fact]
        public void AnIpAddressNeverMatchesTheCommonName()
        {
            using var certificate = Certificate("127.0.0.1", b => b.AddDnsName("ftp.example.com"));
            Assert.False(CertificateNameMatcher.Matches(certificate, "127.0.0.1"));
        }

        [Fact]
        public void CommonNameIsUsedOnlyWithoutDnsNames()
        {
            using var certificate = Certificate("ftp.example.com", null);
            Assert.True(CertificateNameMatcher.Matches(certificate, "ftp.example.com"));
            Assert.False(CertificateNameMatcher.Matches(certificate, "other.example.com"));
        }

        [Theory]
        [InlineData("*.example.com", "ftp.example.com", true)]
        [InlineData("*.example.com", "a.b.example.com", false)]
        [InlineData("*.example.com", "example.com", false)]
        [InlineData("ftp.example.com.", "FTP.example.com", true)]
        public void WildcardsCoverOneLabel(string pattern, string host, bool expected) =>
            Assert.Equal(expected, CertificateNameMatcher.DnsNameMatches(pattern, host));

        [Fact]
        public void Sha256ThumbprintIsOfTheDerEncoding()
        {
            using var certificate = Certificate("localhost", null);
            var expected = Convert.ToHexString(SHA256.HashData(certificate.RawData));
            Assert.Equal(expected, CertificateNameMatcher.Sha256Thumbprint(certificate));
        }

        [Theory]
        [InlineData("ab:cd")]
        [InlineData("zz")]
        public void BadPinsAreRefused(string pin) => Assert.Throws<ArgumentException>(() => CertificateNameMatcher.NormalizeThumbprint(pin));

        [Fact]
        public void PinsAreNormalized()
        {
            var raw = new string('a', 64);
            var withColons = string.Join(":", System.Linq.Enumerable.Range(0, 32).Select(_ => "aa"));
            Assert.Equal(new string('A', 64), CertificateNameMatcher.NormalizeThumbprint(raw));
            Assert.Equal(new string('A', 64), CertificateNameMatcher.NormalizeThumbprint(withColons));
        }
    }
}

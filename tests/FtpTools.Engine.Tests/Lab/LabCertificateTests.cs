using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace FtpTools.Engine.Tests.Lab;

using FtpTools.Lab;

public sealed class LabCertificateTests
{
    [Fact]
    public void Certificate_is_self_signed_for_localhost_and_loopback_with_an_upper_case_SHA256_pin()
    {
        string directory = Directory.CreateTempSubdirectory("ftptools-cert-").FullName;
        try
        {
            LabCertificate lab = LabCertificate.Create(directory);
            using X509Certificate2 fromFile = X509Certificate2.CreateFromPemFile(lab.CertificatePath, lab.PrivateKeyPath);

            Assert.True(fromFile.HasPrivateKey);
            Assert.Equal("CN=localhost", fromFile.Subject);
            Assert.Equal(fromFile.Subject, fromFile.Issuer);
            Assert.Equal(2048, fromFile.GetRSAPublicKey()!.KeySize);
            Assert.Matches("^[0-9A-F]{64}$", lab.Sha256Thumbprint);
            Assert.True(lab.Matches(fromFile));

            var names = fromFile.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.Equal(new[] { "localhost" }, names.EnumerateDnsNames());
            Assert.Equal(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }, names.EnumerateIPAddresses());
            var usages = fromFile.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
            Assert.Equal("1.3.6.1.5.5.7.3.1", Assert.Single(usages.Cast<System.Security.Cryptography.Oid>()).Value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FtpTools.Lab;

/// <summary>Self-signed RSA-2048 server certificate (CN=localhost, SAN localhost/127.0.0.1/::1) as PEM files.</summary>
public sealed class LabCertificate
{
    private LabCertificate(string certificatePath, string privateKeyPath, X509Certificate2 certificate)
    {
        CertificatePath = certificatePath;
        PrivateKeyPath = privateKeyPath;
        Certificate = certificate;
        Sha256Thumbprint = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>PEM certificate; usable as a CA file (e.g. curl --cacert) since it is self-signed.</summary>
    public string CertificatePath { get; }

    /// <summary>PEM PKCS#8 private key.</summary>
    public string PrivateKeyPath { get; }

    /// <summary>The certificate without its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>SHA-256 of the DER certificate, upper-case hex without separators (for pinning).</summary>
    public string Sha256Thumbprint { get; }

    public static LabCertificate Create(string directory)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication") }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 withKey = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        string certificatePath = Path.Combine(directory, "server.crt");
        string privateKeyPath = Path.Combine(directory, "server.key");
        File.WriteAllText(certificatePath, withKey.ExportCertificatePem() + "\n");
        File.WriteAllText(privateKeyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privateKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        return new LabCertificate(certificatePath, privateKeyPath, X509CertificateLoader.LoadCertificate(withKey.RawData));
    }

    /// <summary>True when <paramref name="certificate"/> is this lab certificate (compares SHA-256).</summary>
    public bool Matches(X509Certificate? certificate) =>
        certificate is not null
        && string.Equals(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)), Sha256Thumbprint, StringComparison.Ordinal);
}

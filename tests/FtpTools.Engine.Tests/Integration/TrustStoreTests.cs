using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Integration
{
    /// <summary>
    /// Default certificate validation (no pin) against the operating system's trust store, by host name and by IP
    /// address. The engine runs in a child process whose OpenSSL trust store (SSL_CERT_FILE) holds only the lab's
    /// certificate, so this process's own store stays untouched.
    /// </summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public class TrustStoreTests
    {
        private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);
        private readonly LabFixture lab;

        public TrustStoreTests(LabFixture lab) => this.lab = lab;

        private ProbeResult Probe(LabServer server, string host, bool trustLabCertificate)
        {
            var passwordFile = Path.Combine(lab.Lab.Directory, "probe-password-" + server.Name);
            File.WriteAllText(passwordFile, server.Password);
            var arguments = new List<string>
            {
                ProbeProcess.FindProbe(ProbeProcess.RepositoryRoot()),
                "--host", host, "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--user", server.User, "--password-file", passwordFile,
                "--encryption", "Explicit",
            };
            var environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = trustLabCertificate ? server.CertificatePath : "/nonexistent/ftptools-empty-trust-store.pem" };
            var watch = Stopwatch.StartNew();
            var (exitCode, output, errors) = ProbeProcess.Run(ProbeProcess.DotnetHost(), arguments, ProbeTimeout, environment);
            return ProbeProcess.ParseResult(exitCode, output, errors, watch.Elapsed);
        }

        [LabTheory]
        [InlineData("vsftpd-explicit", "localhost")]
        [InlineData("vsftpd-explicit", "127.0.0.1")]
        [InlineData("proftpd-explicit", "localhost")]
        [InlineData("proftpd-explicit", "127.0.0.1")]
        public void ACertificateTheSystemTrustsIsAcceptedByNameAndByAddress(string serverName, string host)
        {
            var result = Probe(lab[serverName], host, trustLabCertificate: true);
            Assert.True(result.Ok, result.Line);
            Assert.NotNull(result.Tls);
        }

        [LabTheory]
        [InlineData("vsftpd-explicit", "localhost")]
        [InlineData("vsftpd-explicit", "127.0.0.1")]
        public void WithoutThatTrustTheSameCertificateIsRefused(string serverName, string host)
        {
            var result = Probe(lab[serverName], host, trustLabCertificate: false);
            Assert.False(result.Ok, result.Line);
            Assert.Equal("FtpTlsException", result.Exception);
            Assert.Contains("not trusted", result.Message);
        }
    }
}

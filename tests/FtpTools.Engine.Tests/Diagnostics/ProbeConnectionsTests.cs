using System;
using System.Net;
using System.Security.Authentication;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Diagnostics;
using Xunit;

namespace FtpTools.Engine.Tests.Diagnostics
{
    /// <summary>A probe attempt connects with the options Connect-FtpServer would use for the parameters the probe recommends.</summary>
    public sealed class ProbeConnectionsTests
    {
        private const string Pin = "3F1C0E4A9B7D2E8F6A5C4B3D2E1F0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F";

        [Fact]
        public void AnFtpAttemptHasTheOptionsOfConnectFtpServerWithTheSameParametersButNoKeepAlive()
        {
            var probe = new ConnectionProbeOptions("ftp.example.com")
            {
                Credential = new NetworkCredential("deploy", "secret"),
                ActivePortMin = 50000,
                ActivePortMax = 50010,
                ActiveExternalAddress = IPAddress.Parse("203.0.113.7"),
                AttemptTimeout = TimeSpan.FromSeconds(7),
            };
            probe.PinnedCertificateThumbprints.Add(Pin);

            var attempt = ProbeConnections.Ftp(probe, new FtpLoginSettings(FtpEncryption.Implicit, 990, SslProtocols.Tls12), ProbeDataConnection.Active, null);

            var connect = new ConnectionSettings("ftp.example.com")
            {
                Port = 990,
                Encryption = FtpEncryption.Implicit,
                UserName = "deploy",
                Password = new NetworkCredential(string.Empty, "secret").SecurePassword,
                DataConnection = FtpDataConnectionMode.Active,
                ActivePortRange = "50000-50010",
                ActiveExternalAddress = "203.0.113.7",
                Timeout = TimeSpan.FromSeconds(7),
            };
            connect.CertificateThumbprints.Add(Pin);
            connect.TlsProtocols.Add("Tls12");
            var expected = ConnectionPlan.From(connect).FtpOptions!;

            Assert.Equal(expected.Host, attempt.Host);
            Assert.Equal(expected.EffectivePort, attempt.EffectivePort);
            Assert.Equal(expected.Encryption, attempt.Encryption);
            Assert.Equal(expected.DataConnectionMode, attempt.DataConnectionMode);
            Assert.Equal(expected.UseServerPassiveAddress, attempt.UseServerPassiveAddress);
            Assert.Equal((expected.ActivePortMin, expected.ActivePortMax), (attempt.ActivePortMin, attempt.ActivePortMax));
            Assert.Equal(expected.ActiveExternalAddress, attempt.ActiveExternalAddress);
            Assert.Equal(expected.PinnedCertificateThumbprints, attempt.PinnedCertificateThumbprints);
            Assert.Equal(expected.TlsProtocols, attempt.TlsProtocols);
            Assert.Equal(expected.SkipCertificateValidation, attempt.SkipCertificateValidation);
            Assert.Equal((expected.ConnectTimeout, expected.ReadTimeout, expected.DataTimeout), (attempt.ConnectTimeout, attempt.ReadTimeout, attempt.DataTimeout));
            Assert.Equal("deploy", attempt.Credential!.UserName);
            Assert.Equal("secret", attempt.Credential.Password);
            Assert.Equal(TimeSpan.Zero, attempt.KeepAliveInterval);
        }

        [Fact]
        public void AnAnonymousAttemptHasNoCredentialAndAnSftpAttemptTheProbesHostKeysAndTimeout()
        {
            var ftp = ProbeConnections.Ftp(new ConnectionProbeOptions("127.0.0.1"), new FtpLoginSettings(FtpEncryption.None, 21, SslProtocols.None), null, null);
            Assert.Null(ftp.Credential);
            Assert.Equal(FtpDataConnectionMode.Auto, ftp.DataConnectionMode);

            var probe = new ConnectionProbeOptions("127.0.0.1") { Protocol = RemoteProtocol.Sftp, Port = 2222, Credential = new NetworkCredential("deploy", "secret"), AttemptTimeout = TimeSpan.FromSeconds(4) };
            probe.HostKeyFingerprints.Add("SHA256:" + new string('A', 43));
            var sftp = ProbeConnections.Sftp(probe);
            Assert.Equal(("deploy", 2222), (sftp.UserName, sftp.EffectivePort));
            Assert.Equal(probe.HostKeyFingerprints, sftp.HostKeyFingerprints);
            Assert.Equal((TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4), TimeSpan.Zero), (sftp.ConnectTimeout, sftp.OperationTimeout, sftp.KeepAliveInterval));
        }
    }
}

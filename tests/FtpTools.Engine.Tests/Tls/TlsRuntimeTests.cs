using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Tls
{
    /// <summary>
    /// The protocols the engine gives SslStream on runtimes described to it: this .NET, and the .NET Framework hosts of
    /// Windows PowerShell 5.1 that cannot run here (one that refuses SslProtocols.None, 4.7.x without TLS 1.3).
    /// </summary>
    public class TlsRuntimeTests
    {
        private static readonly TlsRuntime Net48LegacyDefaults = new TlsRuntime(".NET Framework 4.8.9181.0", allowsSystemDefault: false, knowsTls13: true);
        private static readonly TlsRuntime Net48 = new TlsRuntime(".NET Framework 4.8.9181.0", allowsSystemDefault: true, knowsTls13: true);
        private static readonly TlsRuntime Net472 = new TlsRuntime(".NET Framework 4.7.3190.0", allowsSystemDefault: true, knowsTls13: false);
        private static readonly TlsRuntime Net472LegacyDefaults = new TlsRuntime(".NET Framework 4.7.3190.0", allowsSystemDefault: false, knowsTls13: false);

        private static readonly SslProtocols[] Requests =
        {
            SslProtocols.None, SslProtocols.Tls12, TlsProtocolNames.Tls13, SslProtocols.Tls12 | TlsProtocolNames.Tls13,
        };

        [Fact]
        public void ThisDotNetIsDescribedAsItIs()
        {
            var current = TlsRuntime.Current;
            Assert.False(current.IsNetFramework);
            Assert.True(current.AllowsSystemDefault);
            Assert.True(current.KnowsTls13);
            Assert.StartsWith(".NET ", current.FrameworkDescription, StringComparison.Ordinal);
        }

        [Fact]
        public void OnThisDotNetEveryRequestIsUsedUnchanged()
        {
            foreach (var requested in Requests) Assert.Equal(requested, TlsRuntime.Current.ProtocolsFor(requested));
        }

        [Theory]
        [InlineData(".NET Framework 4.8.9181.0", true)]
        [InlineData(".NET Framework 4.7.3190.0", true)]
        [InlineData(".NET 10.0.12", false)]
        [InlineData(".NET Core 3.1.32", false)]
        [InlineData(".NET Native 2.2", false)]
        [InlineData("Mono 6.12.0.200", false)]
        public void NetFrameworkIsRecognisedByItsDescription(string description, bool isNetFramework)
        {
            Assert.Equal(isNetFramework, TlsRuntime.IsNetFrameworkDescription(description));
            Assert.Equal(isNetFramework, new TlsRuntime(description, true, true).IsNetFramework);
        }

        [Fact]
        public void WhereTheOperatingSystemsChoiceIsRefusedTls12IsOffered()
        {
            Assert.Equal(SslProtocols.Tls12, Net48LegacyDefaults.ProtocolsFor(SslProtocols.None));
            Assert.Equal(SslProtocols.Tls12, Net472LegacyDefaults.ProtocolsFor(SslProtocols.None));
            Assert.Equal(SslProtocols.None, Net48.ProtocolsFor(SslProtocols.None));
            Assert.Equal(SslProtocols.None, Net472.ProtocolsFor(SslProtocols.None));
        }

        [Fact]
        public void AnExplicitRequestIsKeptWhereTheRuntimeKnowsIt()
        {
            foreach (var runtime in new[] { Net48, Net48LegacyDefaults })
            {
                Assert.Equal(SslProtocols.Tls12, runtime.ProtocolsFor(SslProtocols.Tls12));
                Assert.Equal(TlsProtocolNames.Tls13, runtime.ProtocolsFor(TlsProtocolNames.Tls13));
                Assert.Equal(SslProtocols.Tls12 | TlsProtocolNames.Tls13, runtime.ProtocolsFor(SslProtocols.Tls12 | TlsProtocolNames.Tls13));
            }
        }

        [Fact]
        public void WithoutTls13InTheRuntimeTls13IsDroppedFromAPairAndRefusedAlone()
        {
            foreach (var runtime in new[] { Net472, Net472LegacyDefaults })
            {
                Assert.Equal(SslProtocols.Tls12, runtime.ProtocolsFor(SslProtocols.Tls12 | TlsProtocolNames.Tls13));
                var refused = Assert.Throws<ArgumentException>(() => runtime.ProtocolsFor(TlsProtocolNames.Tls13));
                Assert.Contains(".NET Framework 4.7.3190.0", refused.Message, StringComparison.Ordinal);
                Assert.Contains("-TlsProtocol", refused.Message, StringComparison.Ordinal);
                var classified = FtpErrorClassifier.Classify(refused);
                Assert.Equal(FtpErrorIds.InvalidArgument, classified.ErrorId);
            }
        }

        [Fact]
        public void TheSessionRefusesTls13OnlyBeforeAnyHandshakeWhereTheRuntimeHasNoTls13()
        {
            var options = new FtpClientOptions("ftp.example.com");
            Assert.Throws<ArgumentException>(() => new FtpTlsContext(options, TlsProtocolNames.Tls13, Net472));
        }

        /// <summary>A real SslStream handshake on loopback: what FtpTlsContext offers for each described runtime reaches the server.</summary>
        [Theory]
        [InlineData("current", "Tls13")]
        [InlineData("net48-legacy-defaults", "Tls12")]
        public async Task TheDefaultRequestNegotiatesWhatTheRuntimeCanOffer(string runtimeName, string expected)
        {
            var runtime = runtimeName == "current" ? TlsRuntime.Current : Net48LegacyDefaults;
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var serverSide = Task.Run(async () =>
                {
                    using var accepted = await listener.AcceptTcpClientAsync();
                    using var server = new SslStream(accepted.GetStream(), false);
                    await server.AuthenticateAsServerAsync(certificate, false, SslProtocols.Tls12 | TlsProtocolNames.Tls13, false);
                    Assert.Equal(1, await server.ReadAsync(new byte[1], 0, 1));
                });
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                var options = new FtpClientOptions("127.0.0.1") { SkipCertificateValidation = true };
                var context = new FtpTlsContext(options, SslProtocols.None, runtime);
                using (var stream = context.AuthenticateControl(client.GetStream(), null))
                {
                    Assert.Equal(expected, stream.SslProtocol.ToString());
                    stream.Write(new byte[1], 0, 1);
                }

                await serverSide.WaitAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}

using System.Net;
using FtpTools.Engine.Diagnostics;
using Xunit;

namespace FtpTools.Engine.Tests.Diagnostics
{
    /// <summary>The sentences the issue asks for, word for word where it gives them.</summary>
    public sealed class ProbeDiagnosesTests
    {
        [Fact]
        public void Active_mode_blocked_names_the_address_the_cause_and_the_remedy()
        {
            Assert.Equal(
                "Active mode failed: the server could not connect back to 10.0.0.5:50123. A firewall or NAT in front of this computer blocks inbound connections; use passive mode (the default).",
                ProbeDiagnoses.ActiveBlocked(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 50123)));
        }

        [Fact]
        public void Closed_passive_port_names_port_address_and_the_servers_firewall()
        {
            Assert.Equal(
                "Passive mode failed: port 30042 on 203.0.113.7 did not answer. The server's passive port range is not open in its firewall; its administrator must open it (vsftpd pasv_min_port/pasv_max_port).",
                ProbeDiagnoses.PassivePortClosed(IPAddress.Parse("203.0.113.7"), 30042, refused: false));
            Assert.Contains("port 30042 on 203.0.113.7 refused the connection", ProbeDiagnoses.PassivePortClosed(IPAddress.Parse("203.0.113.7"), 30042, refused: true));
        }

        [Fact]
        public void Private_227_address_says_NAT_and_that_the_control_address_works()
        {
            Assert.Equal(
                "The server advertises the private address 192.168.1.10 in its 227 reply (it is behind NAT); FtpTools uses the control connection's address instead, which works.",
                ProbeDiagnoses.PrivatePassiveAddress(IPAddress.Parse("192.168.1.10"), IPAddress.Parse("203.0.113.7"), controlAddressWorks: true));
        }

        [Fact]
        public void A_public_but_different_227_address_is_not_called_private()
        {
            var text = ProbeDiagnoses.PrivatePassiveAddress(IPAddress.Parse("198.51.100.9"), IPAddress.Parse("203.0.113.7"), controlAddressWorks: false);
            Assert.StartsWith("The server advertises 198.51.100.9 in its 227 reply, not the address it was reached at (203.0.113.7)", text);
            Assert.DoesNotContain("which works", text);
        }

        [Fact]
        public void Session_reuse_and_implicit_port_sentences()
        {
            Assert.StartsWith("The server requires TLS session reuse on data connections (522", ProbeDiagnoses.SessionReuseRequired("522 SSL connection failed: session reuse required"));
            Assert.Equal("Port 990 speaks implicit FTPS; use -Encryption Implicit.", ProbeDiagnoses.ImplicitPort(990));
        }

        [Theory]
        [InlineData("10.1.2.3", true)]
        [InlineData("172.16.0.1", true)]
        [InlineData("172.31.99.10", true)]
        [InlineData("172.32.0.1", false)]
        [InlineData("192.168.1.10", true)]
        [InlineData("100.64.0.1", true)]
        [InlineData("169.254.1.1", true)]
        [InlineData("203.0.113.7", false)]
        [InlineData("fd7b:ff00::1", true)]
        [InlineData("fe80::1", true)]
        [InlineData("2001:db8::1", false)]
        [InlineData("::ffff:192.168.0.1", true)]
        public void Private_addresses(string address, bool isPrivate)
        {
            Assert.Equal(isPrivate, ProbeDiagnoses.IsPrivate(IPAddress.Parse(address)));
        }
    }
}

using System;
using System.Security.Authentication;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class ActivePortRangeTests
    {
        [Theory]
        [InlineData("50000-50100", 50000, 50100)]
        [InlineData(" 50000 - 50100 ", 50000, 50100)]
        [InlineData("2121", 2121, 2121)]
        [InlineData("1-65535", 1, 65535)]
        public void Parses_ranges(string text, int low, int high)
        {
            var range = ActivePortRange.Parse(text);
            Assert.Equal(low, range.Low);
            Assert.Equal(high, range.High);
        }

        [Theory]
        [InlineData("")]
        [InlineData("abc")]
        [InlineData("50100-50000")]
        [InlineData("0-10")]
        [InlineData("1-70000")]
        [InlineData("1-2-3")]
        [InlineData("-5")]
        public void Refuses_bad_ranges_with_a_message(string text)
        {
            var exception = Assert.Throws<ArgumentException>(() => ActivePortRange.Parse(text));
            Assert.Contains("-ActivePortRange", exception.Message);
        }
    }

    public class CertificateThumbprintTests
    {
        private const string Sha256 = "AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12";

        [Theory]
        [InlineData(Sha256)]
        [InlineData("ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12")]
        [InlineData("AB:12:CD:34:EF:56:AB:12:CD:34:EF:56:AB:12:CD:34:EF:56:AB:12:CD:34:EF:56:AB:12:CD:34:EF:56:AB:12")]
        public void Normalizes_to_upper_hex(string text)
        {
            Assert.Equal(Sha256, CertificateThumbprint.Normalize(text));
        }

        [Fact]
        public void Explains_a_sha1_thumbprint()
        {
            var exception = Assert.Throws<ArgumentException>(() => CertificateThumbprint.Normalize(new string('A', 40)));
            Assert.Contains("SHA-1", exception.Message);
        }

        [Theory]
        [InlineData("XYZ")]
        [InlineData("ABCD")]
        public void Refuses_other_values(string text)
        {
            Assert.Throws<ArgumentException>(() => CertificateThumbprint.Normalize(text));
        }
    }

    public class TlsProtocolNamesTests
    {
        [Fact]
        public void Maps_names_to_flags()
        {
            Assert.Equal(SslProtocols.None, TlsProtocolNames.ToSslProtocols(null));
            Assert.Equal(SslProtocols.Tls12, TlsProtocolNames.ToSslProtocols(new[] { "Tls12" }));
            Assert.Equal(SslProtocols.Tls13, TlsProtocolNames.ToSslProtocols(new[] { "tls13" }));
            Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, TlsProtocolNames.ToSslProtocols(new[] { "Tls12", "Tls13" }));
            Assert.Throws<ArgumentException>(() => TlsProtocolNames.ToSslProtocols(new[] { "Ssl3" }));
        }
    }

    public class RawCommandPolicyTests
    {
        [Theory]
        [InlineData("SITE CHMOD 644 file.txt")]
        [InlineData("NOOP")]
        [InlineData("SYST")]
        [InlineData("stat")]
        public void Allows_commands_without_data_connection_or_session_change(string command)
        {
            Assert.Null(RawCommandPolicy.WhyRefused(command));
        }

        [Theory]
        [InlineData("LIST", "Get-FtpChildItem")]
        [InlineData("retr x", "Receive-FtpItem")]
        [InlineData("STOR x", "Send-FtpItem")]
        [InlineData("PASS secret", "Connect-FtpServer")]
        [InlineData("QUIT", "Disconnect-FtpServer")]
        [InlineData("AUTH TLS", "-Encryption")]
        public void Refuses_commands_a_cmdlet_does_properly(string command, string advice)
        {
            Assert.Contains(advice, RawCommandPolicy.WhyRefused(command));
        }

        [Fact]
        public void Refuses_injected_line_breaks()
        {
            Assert.Throws<ArgumentException>(() => RawCommandPolicy.WhyRefused("NOOP\r\nDELE x"));
        }
    }

    public class TransferStatusTextTests
    {
        [Theory]
        [InlineData(0L, "0 B")]
        [InlineData(1023L, "1023 B")]
        [InlineData(1536L, "1.5 KiB")]
        [InlineData(5L * 1024 * 1024, "5.0 MiB")]
        [InlineData(3L * 1024 * 1024 * 1024, "3.0 GiB")]
        public void Formats_bytes(long bytes, string expected)
        {
            Assert.Equal(expected, TransferStatusText.FormatBytes(bytes));
        }

        [Fact]
        public void Describes_progress_with_rate()
        {
            var progress = new FtpTransferProgress("/f", 1024 * 1024, 2 * 1024 * 1024, TimeSpan.FromSeconds(1));
            Assert.Equal("1.0 MiB of 2.0 MiB at 1.0 MiB/s", TransferStatusText.Describe(progress));
        }

        [Fact]
        public void Describes_a_batch()
        {
            Assert.Equal("File 3 of 20, 1.0 KiB of 2.0 KiB", TransferStatusText.DescribeBatch(3, 20, 1024, 2048));
            Assert.Equal("File 1 of 2, 0 B", TransferStatusText.DescribeBatch(1, 2, 0, null));
        }
    }
}

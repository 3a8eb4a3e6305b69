using System;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class ServerAddressTests
    {
        [Theory]
        [InlineData("ftp.example.com", null, "ftp.example.com", null, null)]
        [InlineData("host:2121", null, "host", 2121, null)]
        [InlineData("192.0.2.1:21", null, "192.0.2.1", 21, null)]
        [InlineData("::1", null, "::1", null, null)]
        [InlineData("2001:db8::5", null, "2001:db8::5", null, null)]
        [InlineData("[::1]:2121", null, "::1", 2121, null)]
        [InlineData("[::1]", null, "::1", null, null)]
        [InlineData("ftp://host", "ftp", "host", null, null)]
        [InlineData("ftp://host/", "ftp", "host", null, null)]
        [InlineData("ftps://host:2121", "ftps", "host", 2121, null)]
        [InlineData("FTPS://Host:990", "ftps", "Host", 990, null)]
        [InlineData("ftpes://host", "ftpes", "host", null, null)]
        [InlineData("sftp://user@host:22", "sftp", "host", 22, "user")]
        [InlineData("ftp://first.last%40corp@host", "ftp", "host", null, "first.last@corp")]
        public void Parses_host_port_scheme_and_user(string text, string? scheme, string host, int? port, string? user)
        {
            var address = ServerAddress.Parse(text);
            Assert.Equal(scheme, address.Scheme);
            Assert.Equal(host, address.Host);
            Assert.Equal(port, address.Port);
            Assert.Equal(user, address.UserName);
        }

        [Theory]
        [InlineData("ftp://host", FtpEncryption.None)]
        [InlineData("ftps://host", FtpEncryption.Explicit)]
        [InlineData("ftpes://host", FtpEncryption.Explicit)]
        [InlineData("host", FtpEncryption.Explicit)]
        public void The_scheme_sets_the_encryption(string text, FtpEncryption expected)
        {
            Assert.Equal(expected, ServerAddress.Parse(text).ChooseEncryption(null));
        }

        [Fact]
        public void Sftp_is_recognised_as_its_own_protocol()
        {
            var address = ServerAddress.Parse("sftp://user@host:22");
            Assert.Equal(RemoteProtocol.Sftp, address.Protocol);
            Assert.Equal(RemoteProtocol.Ftp, ServerAddress.Parse("ftps://host").Protocol);
            Assert.Equal(RemoteProtocol.Ftp, ServerAddress.Parse("host").Protocol);
            Assert.Contains("-Encryption", Assert.Throws<ArgumentException>(() => address.ChooseEncryption(FtpEncryption.Explicit)).Message);
        }

        [Theory]
        [InlineData("ftp://host", FtpEncryption.None, FtpEncryption.None)]
        [InlineData("ftps://host", FtpEncryption.Explicit, FtpEncryption.Explicit)]
        [InlineData("ftps://host:990", FtpEncryption.Implicit, FtpEncryption.Implicit)]
        [InlineData("host", FtpEncryption.None, FtpEncryption.None)]
        public void An_agreeing_encryption_parameter_is_accepted(string text, FtpEncryption parameter, FtpEncryption expected)
        {
            Assert.Equal(expected, ServerAddress.Parse(text).ChooseEncryption(parameter));
        }

        [Theory]
        [InlineData("ftp://host", FtpEncryption.Explicit)]
        [InlineData("ftp://host", FtpEncryption.Implicit)]
        [InlineData("ftps://host", FtpEncryption.None)]
        [InlineData("ftpes://host", FtpEncryption.Implicit)]
        public void A_conflicting_encryption_parameter_is_an_argument_error_naming_both(string text, FtpEncryption parameter)
        {
            var error = Assert.Throws<ArgumentException>(() => ServerAddress.Parse(text).ChooseEncryption(parameter));
            Assert.Contains(text, error.Message);
            Assert.Contains("-Encryption is " + parameter, error.Message);
        }

        [Fact]
        public void The_port_comes_from_the_address_or_the_parameter_and_a_conflict_names_both()
        {
            Assert.Equal(2121, ServerAddress.Parse("host:2121").ChoosePort(0));
            Assert.Equal(2121, ServerAddress.Parse("host:2121").ChoosePort(2121));
            Assert.Equal(990, ServerAddress.Parse("host").ChoosePort(990));
            Assert.Equal(0, ServerAddress.Parse("host").ChoosePort(0));
            var error = Assert.Throws<ArgumentException>(() => ServerAddress.Parse("ftps://host:2121").ChoosePort(21));
            Assert.Contains("port 2121", error.Message);
            Assert.Contains("-Port is 21", error.Message);
        }

        [Theory]
        [InlineData("http://host", "scheme")]
        [InlineData("ftp://host/outbound", "path")]
        [InlineData("ftp://user:secret@host", "password")]
        [InlineData("host:port", "1 to 65535")]
        [InlineData("host:70000", "1 to 65535")]
        [InlineData("[::1", "does not close")]
        [InlineData("[not-v6]:21", "not an IPv6 address")]
        [InlineData("a:b:c", "not a host name")]
        [InlineData("ftp://", "no host")]
        [InlineData("bad host", "not a valid host name")]
        public void Unusable_addresses_are_explained(string text, string expected)
        {
            var error = Assert.Throws<ArgumentException>(() => ServerAddress.Parse(text));
            Assert.Contains(expected, error.Message);
            Assert.DoesNotContain("secret", error.Message);
            Assert.DoesNotContain("Parameter", error.Message);
        }

        [Fact]
        public void A_user_in_the_address_must_match_the_credential_and_needs_one()
        {
            var address = ServerAddress.Parse("sftp://user@host");
            address.CheckUserName("user", true);
            Assert.Contains("-Credential is for 'other'", Assert.Throws<ArgumentException>(() => address.CheckUserName("other", true)).Message);
            Assert.Contains("no -Credential", Assert.Throws<ArgumentException>(() => address.CheckUserName(null, false)).Message);
            ServerAddress.Parse("host").CheckUserName(null, false);
        }
    }
}

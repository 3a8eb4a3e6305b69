using System;
using System.Security;
using FtpTools.Engine.Connecting;
using Xunit;

namespace FtpTools.Engine.Tests.Connecting
{
    public class ConnectionPlanTests
    {
        [Fact]
        public void A_host_alone_is_explicit_ftps_on_21_as_anonymous()
        {
            var plan = ConnectionPlan.From(new ConnectionSettings("ftp.example.com"));
            Assert.Equal(RemoteProtocol.Ftp, plan.Protocol);
            Assert.Equal(21, plan.Port);
            Assert.Equal("anonymous", plan.UserName);
            Assert.Equal(FtpEncryption.Explicit, plan.FtpOptions!.Encryption);
            Assert.Null(plan.SftpOptions);
            Assert.False(plan.SendsPasswordInClearText);
        }

        [Fact]
        public void Plain_ftp_with_a_password_is_flagged()
        {
            var settings = new ConnectionSettings("ftp://ftp.example.com:2121") { UserName = "u", Password = Secure("p") };
            var plan = ConnectionPlan.From(settings);
            Assert.Equal(2121, plan.Port);
            Assert.True(plan.SendsPasswordInClearText);
        }

        [Fact]
        public void An_sftp_address_with_a_user_and_a_key_needs_no_credential()
        {
            var settings = new ConnectionSettings("sftp://deploy@files.example.com:2222");
            settings.KeyFiles.Add("/keys/id_ed25519");
            settings.HostKeyFingerprints.Add("SHA256:" + new string('A', 43));
            var plan = ConnectionPlan.From(settings);
            Assert.Equal(RemoteProtocol.Sftp, plan.Protocol);
            Assert.Equal("deploy", plan.UserName);
            Assert.Equal(2222, plan.Port);
            Assert.Null(plan.FtpOptions);
            Assert.Equal("/keys/id_ed25519", Assert.Single(plan.SftpOptions!.PrivateKeyFiles).Path);
            Assert.Null(plan.SftpOptions.Password);
        }

        [Fact]
        public void Protocol_sftp_defaults_to_port_22()
        {
            var settings = new ConnectionSettings("files.example.com") { Protocol = RemoteProtocol.Sftp, UserName = "u", Password = Secure("p") };
            Assert.Equal(22, ConnectionPlan.From(settings).Port);
        }

        [Fact]
        public void Sftp_without_any_user_says_where_to_give_one()
        {
            var settings = new ConnectionSettings("sftp://files.example.com");
            settings.KeyFiles.Add("/keys/id_ed25519");
            var error = Assert.Throws<ArgumentException>(() => ConnectionPlan.From(settings));
            Assert.Contains("sftp://user@files.example.com", error.Message);
        }

        [Fact]
        public void A_protocol_that_contradicts_the_scheme_is_refused()
        {
            var settings = new ConnectionSettings("ftps://files.example.com") { Protocol = RemoteProtocol.Sftp, UserName = "u", Password = Secure("p") };
            var error = Assert.Throws<ArgumentException>(() => ConnectionPlan.From(settings));
            Assert.Contains("-Protocol is Sftp", error.Message);
        }

        [Fact]
        public void Ftp_settings_on_an_sftp_session_are_refused_by_name()
        {
            var settings = new ConnectionSettings("sftp://files.example.com") { UserName = "u", Password = Secure("p") };
            settings.GivenParameters.Add("SkipCertificateCheck");
            var error = Assert.Throws<ArgumentException>(() => ConnectionPlan.From(settings));
            Assert.StartsWith("-SkipCertificateCheck belongs to FTP and FTPS only", error.Message);
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}

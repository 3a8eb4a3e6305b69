using System;
using System.IO;
using System.Net;
using System.Security;
using System.Security.Authentication;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Diagnostics;
using Xunit;

namespace FtpTools.Engine.Tests.Diagnostics
{
    /// <summary>Test-FtpConnection's parameter rules, as the cmdlet hands its parameters to the engine.</summary>
    public class ConnectionProbePlannerTests
    {
        [Fact]
        public void A_host_alone_tries_every_encryption_over_ftp_on_the_default_port_as_anonymous()
        {
            var options = Plan(new ConnectionSettings("ftp.example.com"));
            Assert.Equal("ftp.example.com", options.Host);
            Assert.Equal(RemoteProtocol.Ftp, options.Protocol);
            Assert.Equal(0, options.Port);
            Assert.Null(options.Encryption);
            Assert.Null(options.Credential);
            Assert.Equal(SslProtocols.None, options.TlsProtocols);
        }

        [Fact]
        public void An_ftp_address_tests_plain_ftp_only()
        {
            Assert.Equal(FtpEncryption.None, Plan(new ConnectionSettings("ftp://ftp.example.com")).Encryption);
        }

        [Theory]
        [InlineData("ftps://ftp.example.com")]
        [InlineData("ftpes://ftp.example.com")]
        public void An_ftps_address_leaves_both_kinds_of_ftps_to_be_tried(string address)
        {
            var options = Plan(new ConnectionSettings(address));
            Assert.Equal(RemoteProtocol.Ftp, options.Protocol);
            Assert.Null(options.Encryption);
        }

        [Theory]
        [InlineData("ftp://ftp.example.com", FtpEncryption.Implicit)]
        [InlineData("ftps://ftp.example.com", FtpEncryption.None)]
        [InlineData("ftp.example.com", FtpEncryption.Explicit)]
        public void Encryption_given_is_the_only_one_tested_whatever_the_scheme(string address, FtpEncryption encryption)
        {
            Assert.Equal(encryption, Plan(new ConnectionSettings(address) { Encryption = encryption }).Encryption);
        }

        [Fact]
        public void An_sftp_address_tests_sftp()
        {
            Assert.Equal(RemoteProtocol.Sftp, Plan(new ConnectionSettings("sftp://files.example.com")).Protocol);
        }

        [Fact]
        public void Protocol_given_with_a_bare_host_chooses_the_protocol()
        {
            Assert.Equal(RemoteProtocol.Sftp, Plan(new ConnectionSettings("files.example.com") { Protocol = RemoteProtocol.Sftp }).Protocol);
        }

        [Theory]
        [InlineData("sftp://h.example.com", RemoteProtocol.Ftp, "-ComputerName 'sftp://h.example.com' asks for SFTP, but -Protocol is Ftp.")]
        [InlineData("ftp://h.example.com", RemoteProtocol.Sftp, "-ComputerName 'ftp://h.example.com' asks for FTP, but -Protocol is Sftp.")]
        [InlineData("ftps://h.example.com", RemoteProtocol.Sftp, "-ComputerName 'ftps://h.example.com' asks for FTP, but -Protocol is Sftp.")]
        public void A_scheme_and_a_protocol_that_disagree_are_refused(string address, RemoteProtocol protocol, string message)
        {
            var error = Assert.Throws<ArgumentException>(() => Plan(new ConnectionSettings(address) { Protocol = protocol }));
            Assert.Equal(message, error.Message);
        }

        [Fact]
        public void A_scheme_and_a_protocol_that_agree_are_accepted()
        {
            Assert.Equal(RemoteProtocol.Sftp, Plan(new ConnectionSettings("sftp://h.example.com") { Protocol = RemoteProtocol.Sftp }).Protocol);
        }

        [Theory]
        [InlineData("h.example.com:2121", 0, 2121)]
        [InlineData("h.example.com", 2121, 2121)]
        [InlineData("[::1]:2121", 2121, 2121)]
        public void The_port_comes_from_the_address_or_from_port(string address, int port, int expected)
        {
            Assert.Equal(expected, Plan(new ConnectionSettings(address) { Port = port }).Port);
        }

        [Fact]
        public void Two_different_ports_are_refused()
        {
            var error = Assert.Throws<ArgumentException>(() => Plan(new ConnectionSettings("h.example.com:2121") { Port = 21 }));
            Assert.Contains("names port 2121, but -Port is 21", error.Message);
        }

        [Fact]
        public void An_address_that_is_not_ftp_is_refused()
        {
            var error = Assert.Throws<ArgumentException>(() => Plan(new ConnectionSettings("http://example.invalid")));
            Assert.Contains("has the scheme 'http://', which is not FTP", error.Message);
        }

        [Fact]
        public void An_sftp_parameter_is_refused_for_ftp_by_name()
        {
            var settings = new ConnectionSettings("h.example.com");
            settings.GivenParameters.Add("HostKeyFingerprint");
            settings.HostKeyFingerprints.Add("SHA256:x");
            var error = Assert.Throws<ArgumentException>(() => Plan(settings));
            Assert.StartsWith("-HostKeyFingerprint belongs to SFTP only", error.Message);
        }

        [Fact]
        public void Ftp_parameters_are_refused_for_sftp_by_name()
        {
            var settings = new ConnectionSettings("sftp://h.example.com");
            settings.GivenParameters.Add("ActivePortRange");
            settings.GivenParameters.Add("CertificateThumbprint");
            var error = Assert.Throws<ArgumentException>(() => Plan(settings));
            Assert.StartsWith("-ActivePortRange, -CertificateThumbprint belong to FTP and FTPS only", error.Message);
        }

        [Fact]
        public void The_credential_keeps_the_whole_user_name_and_the_secure_password()
        {
            var options = Plan(new ConnectionSettings("h.example.com") { UserName = @"CONTOSO\deploy", Password = Secure("s3cret") });
            Assert.Equal(@"CONTOSO\deploy", options.Credential!.UserName);
            Assert.Equal("", options.Credential.Domain);
            Assert.Equal("s3cret", options.Credential.Password);
        }

        [Theory]
        [InlineData("ftp://bob@h.example.com")]
        [InlineData("sftp://bob@h.example.com")]
        public void A_user_in_the_address_is_ignored_and_needs_no_credential(string address)
        {
            Assert.Null(Plan(new ConnectionSettings(address)).Credential);
        }

        [Fact]
        public void The_active_port_range_is_parsed()
        {
            var options = Plan(new ConnectionSettings("h.example.com") { ActivePortRange = "50000-50100" });
            Assert.Equal(50000, options.ActivePortMin);
            Assert.Equal(50100, options.ActivePortMax);
        }

        [Fact]
        public void An_active_port_range_that_is_not_one_is_refused()
        {
            var error = Assert.Throws<ArgumentException>(() => Plan(new ConnectionSettings("h.example.com") { ActivePortRange = "abc" }));
            Assert.StartsWith("-ActivePortRange 'abc' is not a port range", error.Message);
        }

        [Fact]
        public void The_active_external_address_must_be_an_ip_address()
        {
            Assert.Equal(IPAddress.Parse("203.0.113.7"), Plan(new ConnectionSettings("h.example.com") { ActiveExternalAddress = "203.0.113.7" }).ActiveExternalAddress);
            var error = Assert.Throws<ArgumentException>(() => Plan(new ConnectionSettings("h.example.com") { ActiveExternalAddress = "nohost" }));
            Assert.StartsWith("-ActiveExternalAddress 'nohost' is not an IP address.", error.Message);
            Assert.Equal("ActiveExternalAddress", error.ParamName);
        }

        [Fact]
        public void Certificate_thumbprints_are_normalized_and_checked()
        {
            var settings = new ConnectionSettings("h.example.com");
            settings.CertificateThumbprints.Add(string.Join(":", new string('a', 64).ToCharArray()));
            Assert.Equal(new string('A', 64), Assert.Single(Plan(settings).PinnedCertificateThumbprints));

            settings.CertificateThumbprints.Add("zz");
            var error = Assert.Throws<ArgumentException>(() => Plan(settings));
            Assert.Contains("'zz' contains 'z', which is not a hexadecimal digit", error.Message);
        }

        [Fact]
        public void Sftp_settings_are_passed_on()
        {
            var settings = new ConnectionSettings("sftp://h.example.com:2222") { KnownHostsFile = "/home/u/.ssh/known_hosts" };
            settings.HostKeyFingerprints.Add("SHA256:abc");
            var options = Plan(settings);
            Assert.Equal(2222, options.Port);
            Assert.Equal("SHA256:abc", Assert.Single(options.HostKeyFingerprints));
            Assert.Equal("/home/u/.ssh/known_hosts", options.KnownHostsFile);
        }

        [Fact]
        public void The_probe_limits_and_tls_choices_are_passed_on()
        {
            var settings = new ConnectionSettings("h.example.com") { Timeout = TimeSpan.FromSeconds(7), SkipCertificateCheck = true };
            settings.TlsProtocols.Add("Tls12");
            var options = ConnectionProbePlanner.Plan(settings, deep: true);
            Assert.Equal(TimeSpan.FromSeconds(7), options.AttemptTimeout);
            Assert.True(options.SkipCertificateValidation);
            Assert.Equal(SslProtocols.Tls12, options.TlsProtocols);
            Assert.True(options.Deep);
            Assert.False(Plan(new ConnectionSettings("h.example.com")).Deep);
        }

        [Fact]
        public void Sftp_without_its_engine_in_the_module_folder_says_it_is_not_installed_before_connecting()
        {
            var options = Plan(new ConnectionSettings("sftp://192.0.2.1"));
            var folder = Path.Combine(Path.GetTempPath(), "ftptools-no-sftp-" + Guid.NewGuid().ToString("N"));
            var error = Assert.Throws<FileNotFoundException>(() => ConnectionProbe.Run(options, folder, CancellationToken.None));
            Assert.Contains("SFTP support is not installed", error.Message);
        }

        private static ConnectionProbeOptions Plan(ConnectionSettings settings) => ConnectionProbePlanner.Plan(settings, deep: false);

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}

using FtpTools.Engine;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class ConnectionParameterRulesTests
    {
        [Fact]
        public void Shared_parameters_fit_both_protocols()
        {
            var shared = new[] { "ComputerName", "Port", "Credential", "Timeout", "KeepAliveInterval", "Protocol", "Verbose" };
            Assert.Null(ConnectionParameterRules.WhyRefused(RemoteProtocol.Ftp, shared));
            Assert.Null(ConnectionParameterRules.WhyRefused(RemoteProtocol.Sftp, shared));
        }

        [Fact]
        public void Ftp_parameters_on_sftp_are_named_together()
        {
            var why = ConnectionParameterRules.WhyRefused(RemoteProtocol.Sftp, new[] { "Credential", "Encryption", "certificatethumbprint" });
            Assert.NotNull(why);
            Assert.StartsWith("-Encryption, -certificatethumbprint belong to FTP and FTPS only", why);
            Assert.Contains("-HostKeyFingerprint", why);
        }

        [Fact]
        public void Sftp_parameters_on_ftp_point_to_the_protocol()
        {
            var why = ConnectionParameterRules.WhyRefused(RemoteProtocol.Ftp, new[] { "KeyFile" });
            Assert.Equal("-KeyFile belongs to SFTP only; add -Protocol Sftp (or use an sftp:// address) to connect over SSH.", why);
        }
    }
}

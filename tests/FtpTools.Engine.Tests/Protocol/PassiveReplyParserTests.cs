using System.Net;
using Xunit;

namespace FtpTools.Engine.Tests.Protocol
{
    public class PassiveReplyParserTests
    {
        [Theory]
        [InlineData("Entering Passive Mode (127,0,0,1,117,220).", "127.0.0.1", 30172)] // vsftpd
        [InlineData("Entering Passive Mode (127,0,0,1,121,211)", "127.0.0.1", 31187)] // pure-ftpd
        [InlineData("Entering passive mode (127,0,0,1,125,78).", "127.0.0.1", 32078)] // pyftpdlib
        [InlineData("Entering Passive Mode 10,1,2,3,4,1", "10.1.2.3", 1025)] // no parentheses
        [InlineData("Entering Passive Mode (192, 168, 1, 20, 19, 137)", "192.168.1.20", 5001)] // spaces
        public void ParsesPasv(string text, string address, int port)
        {
            var endPoint = PassiveReplyParser.ParsePasv(new FtpReply(227, new[] { text }));
            Assert.Equal(IPAddress.Parse(address), endPoint.Address);
            Assert.Equal(port, endPoint.Port);
        }

        [Theory]
        [InlineData("Entering Passive Mode (1,123,59).")] // proftpd over IPv6: not an address at all
        [InlineData("Entering Passive Mode (300,0,0,1,1,1).")]
        [InlineData("Entering Passive Mode")]
        public void RejectsMalformedPasv(string text) =>
            Assert.Throws<FtpProtocolException>(() => PassiveReplyParser.ParsePasv(new FtpReply(227, new[] { text })));

        [Theory]
        [InlineData("Entering Extended Passive Mode (|||30157|)", 30157)] // vsftpd
        [InlineData("Extended Passive mode OK (|||31121|)", 31121)] // pure-ftpd
        [InlineData("Entering extended passive mode (|||32032|).", 32032)] // pyftpdlib
        [InlineData("Entering Extended Passive Mode (!!!6446!)", 6446)] // another delimiter (RFC 2428)
        public void ParsesEpsv(string text, int port) =>
            Assert.Equal(port, PassiveReplyParser.ParseEpsvPort(new FtpReply(229, new[] { text })));

        [Theory]
        [InlineData("Entering Extended Passive Mode (|||0|)")]
        [InlineData("Entering Extended Passive Mode (|||70000|)")]
        [InlineData("Entering Extended Passive Mode (|1|127.0.0.1|30157|)")]
        [InlineData("Entering Extended Passive Mode")]
        public void RejectsMalformedEpsv(string text) =>
            Assert.Throws<FtpProtocolException>(() => PassiveReplyParser.ParseEpsvPort(new FtpReply(229, new[] { text })));

        [Fact]
        public void WrongCodeIsRejected() =>
            Assert.Throws<FtpProtocolException>(() => PassiveReplyParser.ParsePasv(new FtpReply(200, new[] { "(127,0,0,1,1,1)" })));
    }
}

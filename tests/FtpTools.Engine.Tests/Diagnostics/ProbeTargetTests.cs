using System;
using FtpTools.Engine.Diagnostics;
using Xunit;

namespace FtpTools.Engine.Tests.Diagnostics
{
    public sealed class ProbeTargetTests
    {
        [Theory]
        [InlineData("ftp.example.com", "ftp.example.com", 0, null, null)]
        [InlineData(" ftp.example.com:2121 ", "ftp.example.com", 2121, null, null)]
        [InlineData("ftp://ftp.example.com/some/path", "ftp.example.com", 0, RemoteProtocol.Ftp, null)]
        [InlineData("ftps://ftp.example.com", "ftp.example.com", 0, RemoteProtocol.Ftp, FtpEncryption.Implicit)]
        [InlineData("sftp://user@sftp.example.com:2222", "sftp.example.com", 2222, RemoteProtocol.Sftp, null)]
        [InlineData("[::1]:2126", "::1", 2126, null, null)]
        [InlineData("fd7b:ff00::1", "fd7b:ff00::1", 0, null, null)]
        [InlineData("ftp://[fd7b:ff00::1]:21/", "fd7b:ff00::1", 21, RemoteProtocol.Ftp, null)]
        public void Parses(string text, string host, int port, RemoteProtocol? protocol, FtpEncryption? encryption)
        {
            var target = ProbeTarget.Parse(text);
            Assert.Equal(host, target.Host);
            Assert.Equal(port, target.Port);
            Assert.Equal(protocol, target.Protocol);
            Assert.Equal(encryption, target.Encryption);
        }

        [Theory]
        [InlineData("http://example.com")]
        [InlineData("example.com:0")]
        [InlineData("example.com:70000")]
        [InlineData("example.com:ftp")]
        [InlineData("ftp://:21")]
        [InlineData("[::1")]
        [InlineData("  ")]
        public void Refuses(string text)
        {
            Assert.Throws<ArgumentException>(() => ProbeTarget.Parse(text));
        }
    }
}

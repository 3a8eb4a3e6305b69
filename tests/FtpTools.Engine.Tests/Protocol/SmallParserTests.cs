using System;
using Xunit;

namespace FtpTools.Engine.Tests.Protocol
{
    public class SmallParserTests
    {
        [Theory]
        [InlineData("\"/\" is the current directory", "/")]
        [InlineData("\"/probe-dir\" - Directory successfully created", "/probe-dir")]
        [InlineData("\"xdir\" : The directory was successfully created", "xdir")]
        [InlineData("\"/say \"\"hi\"\"\" created", "/say \"hi\"")]
        [InlineData("\"/with space\" created", "/with space")]
        public void Parses257(string text, string path) =>
            Assert.Equal(path, DirectoryReplyParser.ParsePath(new FtpReply(257, new[] { text })));

        [Fact]
        public void Missing257QuoteGivesNull() =>
            Assert.Null(DirectoryReplyParser.ParsePath(new FtpReply(257, new[] { "created" })));

        [Theory]
        [InlineData("RETR a\r\nDELE b")]
        [InlineData("RETR a\nDELE b")]
        [InlineData("RETR a\r")]
        [InlineData("")]
        public void CommandsWithLineBreaksAreRefused(string command) =>
            Assert.Throws<ArgumentException>(() => FtpCommandText.Validate(command));

        [Theory]
        [InlineData("PASS secret", "PASS ********")]
        [InlineData("pass secret", "PASS ********")]
        [InlineData("PASS", "PASS ********")]
        [InlineData("PASSWORD x", "PASSWORD x")]
        [InlineData("USER bob", "USER bob")]
        public void PasswordIsMasked(string command, string shown) => Assert.Equal(shown, FtpCommandText.Mask(command));

        [Fact]
        public void ExceptionsNeverCarryThePassword()
        {
            var exception = new FtpCommandException("Login failed", FtpPhase.Login, "PASS hunter2", new FtpReply(530, new[] { "Login incorrect." }));
            Assert.Equal("PASS ********", exception.Command);
            Assert.Equal(530, exception.ReplyCode);
            Assert.False(exception.IsTransient);
        }

        [Fact]
        public void FourHundredRepliesAreTransient() =>
            Assert.True(new FtpCommandException("x", FtpPhase.Transfer, "STOR a", new FtpReply(451, new[] { "local error" })).IsTransient);

        [Fact]
        public void FeatureSetFromProftpd()
        {
            var reply = new FtpReply(211, new[] { "Features:", " AUTH TLS", " EPSV", " HASH CRC32;MD5;SHA-1*;SHA-256;SHA-512;", " MLST modify*;perm*;", " REST STREAM", " XSHA256", "End" });
            var features = FtpFeatures.Parse(reply);
            Assert.True(features.Has("epsv"));
            Assert.True(features.HasAuth("TLS"));
            Assert.False(features.Has("MLSD"));
            Assert.Equal("STREAM", features.GetParameters("REST"));
            Assert.Equal(new[] { "CRC32", "MD5", "SHA-1", "SHA-256", "SHA-512" }, features.HashAlgorithms);
        }

        [Fact]
        public void FeatureSetFromA500IsEmpty() => Assert.Empty(FtpFeatures.Parse(new FtpReply(500, new[] { "Unknown command." })).Names);
    }
}

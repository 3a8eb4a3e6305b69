using System.Collections.Generic;
using Xunit;

namespace FtpTools.Engine.Tests.Protocol
{
    public class FtpReplyReaderTests
    {
        private static List<FtpReply> FeedAll(params string[] lines)
        {
            var reader = new FtpReplyReader();
            var replies = new List<FtpReply>();
            foreach (var line in lines)
            {
                var reply = reader.Feed(line);
                if (reply != null) replies.Add(reply);
            }

            Assert.False(reader.IsInsideReply);
            return replies;
        }

        [Fact]
        public void SingleLineReplyHasCodeAndText()
        {
            var reply = Assert.Single(FeedAll("220 (vsFTPd 3.0.3)"));
            Assert.Equal(220, reply.Code);
            Assert.Equal("(vsFTPd 3.0.3)", reply.Message);
        }

        [Fact]
        public void CodeWithoutTextIsAReply()
        {
            var reply = Assert.Single(FeedAll("200"));
            Assert.Equal(200, reply.Code);
            Assert.Equal(string.Empty, reply.Message);
        }

        [Fact]
        public void ProftpdFeatIsOneReplyWithEveryLine()
        {
            var replies = FeedAll("211-Features:", " CLNT", " EPSV", " MLST modify*;perm*;size*;type*;", "211 End");
            var reply = Assert.Single(replies);
            Assert.Equal(211, reply.Code);
            Assert.Equal(new[] { "Features:", " CLNT", " EPSV", " MLST modify*;perm*;size*;type*;", "End" }, reply.Lines);
        }

        [Fact]
        public void PureFtpdGreetingRepeatsTheCodeOnEveryLine()
        {
            var reply = Assert.Single(FeedAll(
                "220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------",
                "220-You are user number 1 of 50 allowed.",
                "220-Local time is now 05:05. Server port: 2221.",
                "220 You will be disconnected after 15 minutes of inactivity."));
            Assert.Equal(220, reply.Code);
            Assert.Equal("--------- Welcome to Pure-FTPd [privsep] [TLS] ----------", reply.Lines[0]);
            Assert.Equal("You are user number 1 of 50 allowed.", reply.Lines[1]);
            Assert.Equal("You will be disconnected after 15 minutes of inactivity.", reply.Lines[3]);
        }

        [Fact]
        public void BodyLineStartingWithDigitsButNoSpaceDoesNotEndTheReply()
        {
            var reply = Assert.Single(FeedAll("214-Help:", "2000 is a number", "214-still help", "214 Done"));
            Assert.Equal(4, reply.Lines.Count);
            Assert.Equal("2000 is a number", reply.Lines[1]);
        }

        [Fact]
        public void TerminalLineWithAnotherCodeStillEndsTheReplyAndItsCodeWins()
        {
            var replies = FeedAll("250-Computing digest", "213 SHA-1 0-1400 abc probe.txt", "200 NOOP ok.");
            Assert.Equal(2, replies.Count);
            Assert.Equal(213, replies[0].Code);
            Assert.Equal(200, replies[1].Code);
        }

        [Fact]
        public void ConsecutiveRepliesAreSeparated()
        {
            var replies = FeedAll("150 Opening BINARY mode data connection for a (3 bytes).", "226 Transfer complete.");
            Assert.Equal(new[] { 150, 226 }, new[] { replies[0].Code, replies[1].Code });
        }

        [Theory]
        [InlineData("hello")]
        [InlineData("22")]
        [InlineData("620 out of range")]
        [InlineData("2x0 nope")]
        [InlineData("220xno separator")]
        public void GarbageIsAProtocolError(string line)
        {
            var reader = new FtpReplyReader();
            Assert.Throws<FtpProtocolException>(() => reader.Feed(line));
        }
    }
}

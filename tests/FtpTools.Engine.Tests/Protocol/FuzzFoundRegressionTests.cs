using Xunit;

namespace FtpTools.Engine.Tests.Protocol
{
    /// <summary>Inputs the fuzz program (tests/FtpTools.Fuzz) found to break a parser's contract; each stays as a regression test.</summary>
    public sealed class FuzzFoundRegressionTests
    {
        [Theory]
        // Arabic-Indic digits: \d matched them and int.Parse threw FormatException instead of FtpProtocolException.
        [InlineData("Entering Passive Mode (1\u06637,0,0,1,121,211)")]
        [InlineData("Entering Passive Mode (\u0661\u0662\u0667,0,0,1,4,1)")]
        public void PasvWithDigitsOfAnotherScriptIsParsedOrRefusedAsAProtocolError(string text)
        {
            var error = Record.Exception(() => PassiveReplyParser.ParsePasv(new FtpReply(227, new[] { text })));

            Assert.True(error is null || error is FtpProtocolException, "unexpected " + error);
        }

        [Fact]
        public void PasvWhoseOnlyNumbersAreOfAnotherScriptIsAProtocolError()
        {
            var error = Assert.Throws<FtpProtocolException>(() => PassiveReplyParser.ParsePasv(new FtpReply(227, new[] { "Entering Passive Mode (\u0661\u0662\u0667,\u0660,\u0660,\u0661,\u0664,\u0661)" })));

            Assert.Equal(FtpPhase.DataConnection, error.Phase);
        }
    }
}

using FtpTools.Engine.Completion;
using Xunit;

namespace FtpTools.Engine.Tests.Completion
{
    public class PowerShellArgumentTextTests
    {
        [Theory]
        [InlineData("/in/plain.txt", "/in/plain.txt")]
        [InlineData("/in/r\u00e9sum\u00e9.txt", "/in/r\u00e9sum\u00e9.txt")]
        [InlineData("/in/a b", "'/in/a b'")]
        [InlineData("/in/it's", "'/in/it''s'")]
        [InlineData("/in/it\u2019s", "'/in/it\u2019\u2019s'")]
        [InlineData("/in/a`[1`]", "'/in/a`[1`]'")]
        [InlineData("/in/$x", "'/in/$x'")]
        [InlineData("/in/a;b", "'/in/a;b'")]
        [InlineData("/in/a(1)", "'/in/a(1)'")]
        [InlineData("/in/#1", "'/in/#1'")]
        [InlineData("/in/{x}", "'/in/{x}'")]
        [InlineData("/in/a&b", "'/in/a&b'")]
        [InlineData("/in/a,b", "'/in/a,b'")]
        [InlineData("/in/\"q\"", "'/in/\"q\"'")]
        [InlineData("-x", "'-x'")]
        [InlineData("\u2013x", "'\u2013x'")]
        [InlineData("", "''")]
        public void Values_are_quoted_only_when_PowerShell_would_read_them_otherwise(string value, string expected)
        {
            Assert.Equal(expected, PowerShellArgumentText.Quote(value));
        }

        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("'a b'", "a b")]
        [InlineData("'a b", "a b")]
        [InlineData("'it''s'", "it's")]
        [InlineData("'it''", "it'")]
        [InlineData("'", "")]
        [InlineData("\"a b\"", "a b")]
        [InlineData("\"a b", "a b")]
        [InlineData("a` b", "a b")]
        [InlineData("'a`[1'", "a`[1")]
        public void Typed_words_are_read_back_to_the_value_they_stand_for(string typed, string expected)
        {
            Assert.Equal(expected, PowerShellArgumentText.Unquote(typed));
        }
    }
}

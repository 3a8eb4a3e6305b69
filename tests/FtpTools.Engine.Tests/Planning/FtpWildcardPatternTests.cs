using System;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class FtpWildcardPatternTests
    {
        [Theory]
        [InlineData("*", "anything.txt", true)]
        [InlineData("*", "", true)]
        [InlineData("*.csv", "report.csv", true)]
        [InlineData("*.csv", "report.csv.bak", false)]
        [InlineData("*.CSV", "report.csv", true)]
        [InlineData("rep?rt.txt", "report.txt", true)]
        [InlineData("rep?rt.txt", "reprt.txt", false)]
        [InlineData("file[0-9].log", "file7.log", true)]
        [InlineData("file[0-9].log", "fileA.log", false)]
        [InlineData("[abc]*", "beta", true)]
        [InlineData("[abc]*", "delta", false)]
        [InlineData("[a-c]x", "Bx", true)]
        [InlineData("a*b*c", "aXXbYYc", true)]
        [InlineData("a*b*c", "aXXbYY", false)]
        [InlineData("**x", "abx", true)]
        [InlineData("data`[1`].txt", "data[1].txt", true)]
        [InlineData("data`[1`].txt", "data1.txt", false)]
        [InlineData("what`?", "what?", true)]
        [InlineData("what`?", "whats", false)]
        [InlineData("star`*", "star*", true)]
        [InlineData("star`*", "starry", false)]
        [InlineData("exact", "exact", true)]
        [InlineData("exact", "exactly", false)]
        public void Matches_like_PowerShell(string pattern, string name, bool expected)
        {
            Assert.Equal(expected, new FtpWildcardPattern(pattern).IsMatch(name));
        }

        [Theory]
        [InlineData("file[0-9.log")]
        [InlineData("x[]")]
        [InlineData("[z-a]")]
        public void Invalid_patterns_are_refused_with_a_message(string pattern)
        {
            var exception = Assert.Throws<ArgumentException>(() => new FtpWildcardPattern(pattern));
            Assert.Contains(pattern, exception.Message);
        }

        [Theory]
        [InlineData("*.txt", true)]
        [InlineData("a?c", true)]
        [InlineData("a[1]", true)]
        [InlineData("plain.txt", false)]
        [InlineData("a`[1`]", false)]
        [InlineData("a`*", false)]
        [InlineData("", false)]
        public void ContainsWildcard_ignores_escaped_characters(string text, bool expected)
        {
            Assert.Equal(expected, FtpWildcardPattern.ContainsWildcard(text));
        }

        [Fact]
        public void Unescape_removes_backticks()
        {
            Assert.Equal("a[1].txt", FtpWildcardPattern.Unescape("a`[1`].txt"));
            Assert.Equal("a`b", FtpWildcardPattern.Unescape("a``b"));
            Assert.Equal("plain", FtpWildcardPattern.Unescape("plain"));
        }

        [Theory]
        [InlineData("data[1].txt")]
        [InlineData("what?*`")]
        [InlineData("normal.txt")]
        public void EscapeText_makes_a_pattern_that_matches_only_the_text(string text)
        {
            var escaped = FtpWildcardPattern.EscapeText(text);
            Assert.False(FtpWildcardPattern.ContainsWildcard(escaped));
            Assert.Equal(text, FtpWildcardPattern.Unescape(escaped));
            Assert.True(new FtpWildcardPattern(escaped).IsMatch(text));
        }
    }
}

using System;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class RemotePathPatternTests
    {
        [Theory]
        [InlineData("report.csv", "/in", "/in/report.csv")]
        [InlineData("/out/report.csv", "/in", "/out/report.csv")]
        [InlineData("../out/x", "/in/sub", "/in/out/x")]
        [InlineData(".", "/in", "/in")]
        [InlineData("/", "/in", "/")]
        [InlineData("sub/", "/in", "/in/sub")]
        [InlineData("data`[1`].txt", "/", "/data[1].txt")]
        public void Literal_paths_resolve_against_the_current_directory(string path, string current, string expected)
        {
            var pattern = RemotePathPattern.Parse(path, current);
            Assert.False(pattern.HasWildcard);
            Assert.Equal(expected, pattern.LiteralPath);
        }

        [Theory]
        [InlineData("*.csv", "/in", "/in", "*.csv")]
        [InlineData("/out/2026/*.csv", "/in", "/out/2026", "*.csv")]
        [InlineData("/*.txt", "/in", "/", "*.txt")]
        [InlineData("sub/file?.log/", "/in", "/in/sub", "file?.log")]
        [InlineData("../r[0-9]", "/in/sub", "/in", "r[0-9]")]
        public void Wildcard_paths_split_into_directory_and_name_pattern(string path, string current, string directory, string name)
        {
            var pattern = RemotePathPattern.Parse(path, current);
            Assert.True(pattern.HasWildcard);
            Assert.Equal(directory, pattern.Directory);
            Assert.Equal(name, pattern.NamePattern!.Pattern);
        }

        [Fact]
        public void Wildcards_in_a_parent_segment_are_refused()
        {
            var exception = Assert.Throws<ArgumentException>(() => RemotePathPattern.Parse("/in*/x.csv", "/"));
            Assert.Contains("last segment", exception.Message);
        }

        [Fact]
        public void Literal_resolution_keeps_wildcard_characters()
        {
            Assert.Equal("/in/a[1]*.txt", RemotePathPattern.ResolveLiteral("a[1]*.txt", "/in"));
        }
    }
}

using System.IO;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class LocalNameGuardTests
    {
        [Theory]
        [InlineData("")]
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("...")]
        [InlineData(". .")]
        [InlineData("../evil.txt")]
        [InlineData("..\\evil.txt")]
        [InlineData("sub/file.txt")]
        [InlineData("sub\\file.txt")]
        [InlineData("C:")]
        [InlineData("C:evil.txt")]
        [InlineData("file.txt:stream")]
        [InlineData("/etc/passwd")]
        [InlineData("\\\\server\\share\\x")]
        [InlineData("bad\u0000name")]
        [InlineData("bad\nname")]
        public void Names_that_could_escape_are_refused(string name)
        {
            Assert.False(LocalNameGuard.IsSafe(name));
            var exception = Assert.Throws<UnsafeRemoteNameException>(() => LocalNameGuard.EnsureSafe(name));
            Assert.Equal(name, exception.RemoteName);
        }

        [Fact]
        public void Null_is_refused()
        {
            Assert.False(LocalNameGuard.IsSafe(null));
        }

        [Theory]
        [InlineData("report.csv")]
        [InlineData(".hidden")]
        [InlineData("a..b")]
        [InlineData("with space.txt")]
        [InlineData("données-2026.csv")]
        public void Ordinary_names_are_accepted(string name)
        {
            Assert.True(LocalNameGuard.IsSafe(name));
        }

        [Fact]
        public void CombineUnder_joins_checked_segments()
        {
            var root = Path.Combine(Path.GetTempPath(), "dest");
            Assert.Equal(Path.Combine(root, "a", "b.txt"), LocalNameGuard.CombineUnder(root, "a", "b.txt"));
            Assert.Throws<UnsafeRemoteNameException>(() => LocalNameGuard.CombineUnder(root, "a", "..", "x"));
        }

        [Fact]
        public void IsInside_compares_full_paths()
        {
            var root = Path.Combine(Path.GetTempPath(), "dest");
            Assert.True(LocalNameGuard.IsInside(root, Path.Combine(root, "x")));
            Assert.True(LocalNameGuard.IsInside(root, root));
            Assert.False(LocalNameGuard.IsInside(root, Path.Combine(root, "..", "x")));
            Assert.False(LocalNameGuard.IsInside(root, root + "-other"));
        }
    }
}

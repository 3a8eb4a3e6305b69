using System.IO;
using System.Linq;
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

        /// <summary>What Path.GetInvalidPathChars() returns on .NET Framework 4.7+ (Windows PowerShell 5.1), whose Path.Combine throws for them.</summary>
        private static readonly char[] NetFrameworkInvalidPathChars = ("\"<>|" + new string(Enumerable.Range(0, 32).Select(i => (char)i).ToArray())).ToCharArray();

        [Theory]
        [InlineData("a|b.csv")]
        [InlineData("\"quoted\".txt")]
        [InlineData("a<b>.txt")]
        public void Names_that_NET_Framework_cannot_combine_are_refused_there_and_kept_on_Linux(string name)
        {
            Assert.NotNull(LocalNameGuard.WhyUnsafe(name, NetFrameworkInvalidPathChars));
            if (Path.DirectorySeparatorChar == '/')
            {
                Assert.True(LocalNameGuard.IsSafe(name));
                Assert.Equal(Path.Combine("/tmp", name), LocalNameGuard.CombineUnder("/tmp", name));
            }
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

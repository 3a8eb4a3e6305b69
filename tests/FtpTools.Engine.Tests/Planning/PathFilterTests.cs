using System.Linq;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class PathFilterTests
    {
        private static readonly (string Path, bool IsFolder)[] Tree =
        {
            ("a.csv", false), ("a.tmp", false), ("logs", true), ("logs/x.csv", false), ("data", true), ("data/old", true),
            ("data/old/y.csv", false), ("data/z.txt", false), ("empty", true), ("Ünï cödé", true), ("Ünï cödé/b c.CSV", false),
        };

        private static string[] Kept(PathFilter filter) => filter.Apply(Tree, e => e.Path, e => e.IsFolder).Select(e => e.Path).ToArray();

        [Fact]
        public void No_patterns_keep_everything_in_order()
        {
            Assert.Equal(Tree.Select(e => e.Path), Kept(PathFilter.None));
        }

        [Fact]
        public void A_name_pattern_excludes_files_anywhere_and_folders_with_their_subtree()
        {
            Assert.Equal(new[] { "a.csv", "data", "data/old", "data/old/y.csv", "data/z.txt", "empty", "Ünï cödé", "Ünï cödé/b c.CSV" }, Kept(new PathFilter(null, new[] { "*.tmp", "logs" })));
        }

        [Fact]
        public void A_pattern_with_a_slash_matches_the_relative_path()
        {
            Assert.Equal(new[] { "a.csv", "a.tmp", "logs", "logs/x.csv", "data", "data/z.txt", "empty", "Ünï cödé", "Ünï cödé/b c.CSV" }, Kept(new PathFilter(null, new[] { "data/old" })));
            Assert.False(new PathFilter(null, new[] { "data/old" }).IsExcluded("other/data/old"));
            Assert.True(new PathFilter(null, new[] { "/data/old/" }).IsExcluded("data/old"));
        }

        [Fact]
        public void Include_applies_to_files_and_keeps_only_the_folders_that_lead_to_one_ignoring_case()
        {
            Assert.Equal(new[] { "a.csv", "logs", "logs/x.csv", "data", "data/old", "data/old/y.csv", "Ünï cödé", "Ünï cödé/b c.CSV" }, Kept(new PathFilter(new[] { "*.csv" }, null)));
        }

        [Fact]
        public void Exclude_wins_over_include()
        {
            Assert.Equal(new[] { "a.csv", "logs", "logs/x.csv", "Ünï cödé", "Ünï cödé/b c.CSV" }, Kept(new PathFilter(new[] { "*.csv" }, new[] { "data" })));
        }

        [Fact]
        public void A_path_include_names_files_below_a_folder()
        {
            Assert.Equal(new[] { "data", "data/old", "data/old/y.csv", "data/z.txt" }, Kept(new PathFilter(new[] { "data/*" }, null)));
        }

        [Fact]
        public void IsInScope_looks_at_every_parent()
        {
            var filter = new PathFilter(null, new[] { "old" });
            Assert.False(filter.IsInScope("data/old/deep/f.txt", false));
            Assert.True(filter.IsInScope("data/older/f.txt", false));
        }

        [Fact]
        public void A_malformed_pattern_is_an_argument_error()
        {
            Assert.Throws<System.ArgumentException>(() => new PathFilter(new[] { "[abc" }, null));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    /// <summary>The pushed walk (Get-FtpChildItem's): entries go out while their directory's listing is still being read.</summary>
    public class RemoteTreeWalkerStreamingTests
    {
        private static FakeRemoteTree Tree() => new FakeRemoteTree(
            "/in/", "/in/a.txt", "/in/b/", "/in/b/c.txt", "/in/b/d/", "/in/b/d/e.txt", "/in/.h/", "/in/.h/x.txt", "/in/z.txt");

        /// <summary>Lists like a streamed listing: each item pushed in turn, then the end noted in the journal.</summary>
        private static Action<string, Action<FtpListItem>> Streamed(FakeRemoteTree tree, List<string> journal) => (directory, onItem) =>
        {
            foreach (var item in tree.List(directory).Items) onItem(item);
            journal.Add("end " + directory);
        };

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(int.MaxValue)]
        public void Pushed_walk_gives_the_pulled_walks_entries_in_the_same_order(int depth)
        {
            Func<RemoteWalkEntry, bool> notHidden = entry => !entry.Item.Name.StartsWith(".", StringComparison.Ordinal);
            var pulled = new RemoteTreeWalker(Tree().List) { ShouldDescend = notHidden }.Walk("/in", depth).ToList();
            var pushed = new List<RemoteWalkEntry>();
            new RemoteTreeWalker(Streamed(Tree(), new List<string>())) { ShouldDescend = notHidden }.Walk("/in", depth, pushed.Add);
            Assert.Equal(pulled.Select(e => e.RelativePath + "@" + e.Depth), pushed.Select(e => e.RelativePath + "@" + e.Depth));
            Assert.NotEmpty(pushed);
        }

        [Fact]
        public void Each_entry_goes_out_before_its_directorys_listing_ends()
        {
            var journal = new List<string>();
            new RemoteTreeWalker(Streamed(Tree(), journal)).Walk("/in", int.MaxValue, entry => journal.Add(entry.RelativePath));
            Assert.True(journal.IndexOf("z.txt") < journal.IndexOf("end /in"));
            Assert.True(journal.IndexOf("end /in") < journal.IndexOf("b/c.txt"));
            Assert.True(journal.IndexOf("b/d/e.txt") < journal.IndexOf("end /in/b/d"));
        }

        [Fact]
        public void A_failing_subdirectory_is_reported_and_the_walk_goes_on()
        {
            var tree = Tree();
            tree.Failing.Add("/in/b");
            var failed = new List<string>();
            var entries = new List<string>();
            new RemoteTreeWalker(Streamed(tree, new List<string>())) { SubdirectoryFailed = (directory, _) => failed.Add(directory) }
                .Walk("/in", int.MaxValue, entry => entries.Add(entry.RelativePath));
            Assert.Equal(new[] { "/in/b" }, failed);
            Assert.Contains(".h/x.txt", entries);
        }

        [Fact]
        public void What_the_consumer_throws_in_a_subdirectory_ends_the_walk_and_is_no_subdirectory_failure()
        {
            var failed = new List<string>();
            var walker = new RemoteTreeWalker(Streamed(Tree(), new List<string>())) { SubdirectoryFailed = (directory, _) => failed.Add(directory) };
            var stop = new InvalidOperationException("enough");
            var thrown = Assert.Throws<InvalidOperationException>(() => walker.Walk("/in", int.MaxValue, entry =>
            {
                if (entry.RelativePath == "b/c.txt") throw stop;
            }));
            Assert.Same(stop, thrown);
            Assert.Empty(failed);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public class RemoteTreeWalkerTests
    {
        private static FakeRemoteTree Tree() => new FakeRemoteTree(
            "/in/", "/in/a.txt", "/in/b/", "/in/b/c.txt", "/in/b/d/", "/in/b/d/e.txt", "/in/z.txt");

        [Fact]
        public void Walks_each_directory_before_its_subdirectories()
        {
            var tree = Tree();
            var entries = new RemoteTreeWalker(tree.List).Walk("/in", int.MaxValue).ToList();
            Assert.Equal(new[] { "a.txt", "b", "z.txt", "b/c.txt", "b/d", "b/d/e.txt" }, entries.Select(e => e.RelativePath));
            Assert.Equal(new[] { 0, 0, 0, 1, 1, 2 }, entries.Select(e => e.Depth));
        }

        [Fact]
        public void Depth_zero_lists_only_the_start_directory()
        {
            var tree = Tree();
            var entries = new RemoteTreeWalker(tree.List).Walk("/in", 0).ToList();
            Assert.Equal(3, entries.Count);
            Assert.Equal(new[] { "/in" }, tree.Listed);
        }

        [Fact]
        public void Depth_one_stops_below_the_first_level()
        {
            var entries = new RemoteTreeWalker(Tree().List).Walk("/in", 1).Select(e => e.RelativePath).ToList();
            Assert.Contains("b/d", entries);
            Assert.DoesNotContain("b/d/e.txt", entries);
        }

        [Fact]
        public void ShouldDescend_keeps_the_walk_out_of_folders_it_refuses()
        {
            var tree = new FakeRemoteTree("/in/a.txt", "/in/.git/", "/in/.git/config", "/in/b/", "/in/b/c.txt");
            var walker = new RemoteTreeWalker(tree.List) { ShouldDescend = entry => !entry.Item.Name.StartsWith(".", StringComparison.Ordinal) };
            var entries = walker.Walk("/in", int.MaxValue).Select(e => e.RelativePath).ToList();
            Assert.Contains(".git", entries);
            Assert.DoesNotContain(".git/config", entries);
            Assert.Contains("b/c.txt", entries);
            Assert.DoesNotContain("/in/.git", tree.Listed);
        }

        [Fact]
        public void Symbolic_links_are_not_followed()
        {
            FtpListing List(string directory) => new FtpListing(directory, new[] { new FtpListItem("loop", directory + "/loop", FtpItemType.SymbolicLink) }, Array.Empty<string>(), "LIST");
            var entries = new RemoteTreeWalker(List).Walk("/x", int.MaxValue).ToList();
            Assert.Single(entries);
        }

        [Fact]
        public void A_directory_is_listed_once_even_when_the_server_loops()
        {
            var calls = 0;
            FtpListing List(string directory)
            {
                calls++;
                return new FtpListing(directory, new[] { new FtpListItem("self", "/x", FtpItemType.Directory) }, Array.Empty<string>(), "LIST");
            }

            new RemoteTreeWalker(List).Walk("/x", int.MaxValue).ToList();
            Assert.Equal(1, calls);
        }

        [Fact]
        public void A_failing_subdirectory_is_reported_and_the_walk_goes_on()
        {
            var tree = Tree();
            tree.Failing.Add("/in/b");
            var failures = new List<string>();
            var walker = new RemoteTreeWalker(tree.List) { SubdirectoryFailed = (d, e) => failures.Add(d) };
            var entries = walker.Walk("/in", int.MaxValue).Select(e => e.RelativePath).ToList();
            Assert.Equal(new[] { "/in/b" }, failures);
            Assert.Equal(new[] { "a.txt", "b", "z.txt" }, entries);
        }

        [Fact]
        public void The_start_directory_failure_propagates()
        {
            var tree = Tree();
            tree.Failing.Add("/in");
            var walker = new RemoteTreeWalker(tree.List) { SubdirectoryFailed = (d, e) => { } };
            Assert.Throws<FtpCommandException>(() => walker.Walk("/in", int.MaxValue).ToList());
        }

        [Fact]
        public void Cancellation_is_never_swallowed()
        {
            var walker = new RemoteTreeWalker(d => d == "/in" ? Tree().List(d) : throw new OperationCanceledException()) { SubdirectoryFailed = (d, e) => { } };
            Assert.Throws<OperationCanceledException>(() => walker.Walk("/in", int.MaxValue).ToList());
        }

        [Fact]
        public void Listings_are_handed_to_the_listener()
        {
            var tree = Tree();
            tree.UnparsedLines["/in/b"] = new[] { "garbage" };
            var unparsed = new List<string>();
            var walker = new RemoteTreeWalker(tree.List) { Listed = l => unparsed.AddRange(l.UnparsedLines) };
            walker.Walk("/in", int.MaxValue).ToList();
            Assert.Equal(new[] { "garbage" }, unparsed);
        }
    }

    public class RemoteItemFinderTests
    {
        private static readonly FakeRemoteTree Tree = new FakeRemoteTree("/in/", "/in/a.csv", "/in/b.csv", "/in/c.txt", "/in/sub/");

        private static RemoteItemFinder Finder() => new RemoteItemFinder(Tree.List, Tree.Get);

        [Fact]
        public void A_pattern_matches_names_in_its_directory_sorted()
        {
            var items = Finder().Find(RemotePathPattern.Parse("/in/*.csv", "/"));
            Assert.Equal(new[] { "/in/a.csv", "/in/b.csv" }, items.Select(i => i.FullName));
        }

        [Fact]
        public void A_pattern_that_matches_nothing_is_empty()
        {
            Assert.Empty(Finder().Find(RemotePathPattern.Parse("/in/*.xml", "/")));
        }

        [Fact]
        public void A_literal_path_is_looked_up()
        {
            var item = Assert.Single(Finder().Find(RemotePathPattern.Parse("sub", "/in")));
            Assert.Equal(FtpItemType.Directory, item.Type);
        }

        [Fact]
        public void A_missing_literal_path_throws_not_found()
        {
            var exception = Assert.Throws<RemoteItemNotFoundException>(() => Finder().Find(RemotePathPattern.Parse("/in/none.csv", "/")));
            Assert.Equal("/in/none.csv", exception.RemotePath);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FtpTools.Engine.Planning;
using Xunit;

namespace FtpTools.Engine.Tests.Planning
{
    public sealed class DownloadPlannerTests
    {
        private static readonly string Root = Path.Combine(Path.GetTempPath(), "dl-" + Guid.NewGuid().ToString("N"));

        private static FtpListItem File(string fullName) => new FtpListItem(FtpPath.GetName(fullName), fullName, FtpItemType.File) { Length = 10 };

        private static FtpListItem Folder(string fullName) => new FtpListItem(FtpPath.GetName(fullName), fullName, FtpItemType.Directory);

        private static string[] Steps(IEnumerable<PlannedDownload> plan) =>
            plan.Select(p => (p.IsFolder ? "folder " : p.Remote!.FullName + " -> ") + Path.GetRelativePath(Root, p.LocalPath).Replace('\\', '/')).ToArray();

        [Fact]
        public void One_file_named_alone_takes_the_destination_as_its_new_name()
        {
            var planner = DownloadPlanner.Into(Path.Combine(Root, "renamed.txt"), "renamed.txt", PathFilter.None, new[] { File("/in/a.txt") }, sourcesMayVary: false);

            Assert.Equal(new[] { "/in/a.txt -> renamed.txt" }, Steps(planner.Plan(File("/in/a.txt"), new RemoteTreeWalker(new FakeRemoteTree().List))));
        }

        [Theory]
        [InlineData(false, "out/")]
        [InlineData(true, "out")]
        public void Files_from_a_wildcard_or_into_a_folder_keep_their_names(bool mayVary, string destination)
        {
            var planner = DownloadPlanner.Into(Path.Combine(Root, "out"), destination, PathFilter.None, new[] { File("/in/a.txt") }, mayVary);

            Assert.Equal(new[] { "/in/a.txt -> out/a.txt" }, Steps(planner.Plan(File("/in/a.txt"), new RemoteTreeWalker(new FakeRemoteTree().List))));
        }

        [Fact]
        public void A_folder_arrives_under_its_own_name_with_what_the_filter_keeps_parents_first()
        {
            var tree = new FakeRemoteTree("/in/", "/in/a.txt", "/in/b.log", "/in/sub/", "/in/sub/c.txt", "/in/skip/", "/in/skip/d.txt", "/in/empty/");
            var filter = new PathFilter(new[] { "*.txt" }, new[] { "skip" });
            var planner = DownloadPlanner.Into(Root, null, filter, new[] { Folder("/in") }, sourcesMayVary: false);

            var plan = planner.Plan(Folder("/in"), new RemoteTreeWalker(tree.List));

            // -Include keeps a folder only where it leads to an included file: "empty" goes, "skip" is not even listed.
            Assert.Equal(new[] { "folder in", "/in/a.txt -> in/a.txt", "folder in/sub", "/in/sub/c.txt -> in/sub/c.txt" }, Steps(plan));
            Assert.DoesNotContain("/in/skip", tree.Listed);
        }

        [Fact]
        public void The_root_folder_has_no_name_so_its_contents_go_into_the_destination()
        {
            var planner = DownloadPlanner.Into(Root, null, PathFilter.None, new[] { Folder("/") }, sourcesMayVary: false);

            Assert.Equal(new[] { "folder .", "/a.txt -> a.txt" }, Steps(planner.Plan(Folder("/"), new RemoteTreeWalker(new FakeRemoteTree("/a.txt").List))));
        }

        [Fact]
        public void An_entry_whose_name_cannot_be_a_local_name_is_refused_and_the_rest_is_planned()
        {
            var tree = new FakeRemoteTree("/in/", "/in/C:evil.txt", "/in/good.txt");
            var refused = new List<string>();
            var planner = DownloadPlanner.Into(Root, null, PathFilter.None, new[] { Folder("/in") }, false);
            planner.EntryRefused = (item, exception) => refused.Add(item.FullName);

            var plan = planner.Plan(Folder("/in"), new RemoteTreeWalker(tree.List));

            Assert.Equal(new[] { "folder in", "/in/good.txt -> in/good.txt" }, Steps(plan));
            Assert.Equal(new[] { "/in/C:evil.txt" }, refused);
        }

        [Fact]
        public void Without_a_listener_an_unsafe_name_fails_the_plan()
        {
            var planner = DownloadPlanner.Into(Root, null, PathFilter.None, new[] { Folder("/in") }, false);

            Assert.Throws<UnsafeRemoteNameException>(() => planner.Plan(Folder("/in"), new RemoteTreeWalker(new FakeRemoteTree("/in/", "/in/C:evil.txt").List)));
        }

        [Fact]
        public void Total_bytes_are_known_only_when_every_size_is()
        {
            var known = new[] { new PlannedDownload(File("/a"), "a"), new PlannedDownload(File("/b"), "b") };
            var unknown = known.Append(new PlannedDownload(new FtpListItem("c", "/c", FtpItemType.File), "c")).ToList();

            Assert.Equal(20, DownloadPlanner.TotalBytes(known));
            Assert.Null(DownloadPlanner.TotalBytes(unknown));
        }
    }
}

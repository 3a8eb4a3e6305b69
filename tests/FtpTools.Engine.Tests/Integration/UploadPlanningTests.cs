using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Integration
{
    /// <summary>Send-FtpItem's plan (UploadPlanner) and remote folders (RemoteFolders) against a real server's answers.</summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class UploadPlanningTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-uploadplan-").FullName;

        public UploadPlanningTests(LabFixture lab) => this.lab = lab;

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        private string LocalFile(string relative, int length = 3)
        {
            var path = Path.Combine(localRoot, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, new byte[length]);
            return path;
        }

        private string LocalFolder(string relative) => Directory.CreateDirectory(Path.Combine(localRoot, relative)).FullName;

        private static string RemoteFolder(FtpClient client, string label)
        {
            var path = "/" + label + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            client.CreateDirectory(path, true, None);
            return path;
        }

        private string[] Steps(IEnumerable<PlannedUpload> plan) =>
            plan.Select(p => p.IsFolder ? "folder " + p.RemotePath : Path.GetRelativePath(localRoot, p.LocalPath!).Replace('\\', '/') + " -> " + p.RemotePath).ToArray();

        [LabFact]
        public void One_file_named_alone_takes_a_new_destination_as_its_name_and_keeps_its_own_name_in_an_existing_folder()
        {
            using var client = LabClients.Connect(lab["pyftpdlib-plain"]);
            var folder = RemoteFolder(client, "plan");
            var file = new[] { new UploadSource(LocalFile("a.txt"), false) };
            var planner = new UploadPlanner(client, PathFilter.None);

            Assert.Equal(new[] { "a.txt -> " + folder + "/new.txt" }, Steps(planner.Plan(file, folder + "/new.txt", false, None)));
            Assert.Equal(new[] { "folder " + folder, "a.txt -> " + folder + "/a.txt" }, Steps(planner.Plan(file, folder, false, None)));
            Assert.Equal(new[] { "folder " + folder + "/new", "a.txt -> " + folder + "/new/a.txt" }, Steps(planner.Plan(file, folder + "/new/", false, None)));
            Assert.Equal(new[] { "folder " + folder + "/wild", "a.txt -> " + folder + "/wild/a.txt" }, Steps(planner.Plan(file, folder + "/wild", true, None)));
        }

        [LabFact]
        public void A_relative_destination_is_below_the_current_directory()
        {
            using var client = LabClients.Connect(lab["pyftpdlib-plain"]);
            var planner = new UploadPlanner(client, PathFilter.None);

            Assert.Equal(FtpPath.Combine(client.CurrentDirectory, "x/y"), planner.RemoteDestinationFor("x/y"));
            Assert.Equal(client.CurrentDirectory, planner.RemoteDestinationFor(null));
        }

        [LabFact]
        public void A_folder_arrives_under_its_own_name_with_what_the_filter_keeps_parents_before_children()
        {
            using var client = LabClients.Connect(lab["vsftpd-plain"]);
            var folder = RemoteFolder(client, "plan");
            LocalFile("src/a.txt");
            LocalFile("src/b.log");
            LocalFile("src/sub/c.txt");
            LocalFile("src/skip/d.txt");
            LocalFolder("src/empty");
            var planner = new UploadPlanner(client, new PathFilter(null, new[] { "*.log", "skip" }));

            var plan = planner.Plan(new[] { new UploadSource(Path.Combine(localRoot, "src"), true) }, folder, false, None);

            // Files before folders, each folder followed by what is below it (LocalTreeWalker's order); the excluded ones are left out.
            Assert.Equal(new[] { "folder " + folder, "folder " + folder + "/src", "src/a.txt -> " + folder + "/src/a.txt", "folder " + folder + "/src/empty",
                "folder " + folder + "/src/sub", "src/sub/c.txt -> " + folder + "/src/sub/c.txt" }, Steps(plan));
        }

        [LabFact]
        public void A_source_folder_that_cannot_be_read_is_reported_and_the_other_sources_are_planned()
        {
            using var client = LabClients.Connect(lab["pyftpdlib-plain"]);
            var folder = RemoteFolder(client, "plan");
            var gone = Path.Combine(localRoot, "gone");
            var failed = new List<string>();
            var planner = new UploadPlanner(client, PathFilter.None) { FolderFailed = (path, exception) => failed.Add(path + ": " + exception.GetType().Name) };

            var plan = planner.Plan(new[] { new UploadSource(gone, true), new UploadSource(LocalFile("a.txt"), false) }, folder, false, None);

            Assert.Equal(new[] { "folder " + folder, "folder " + folder + "/gone", "a.txt -> " + folder + "/a.txt" }, Steps(plan));
            Assert.Equal(new[] { gone + ": DirectoryNotFoundException" }, failed);
        }

        [Fact]
        public void A_root_has_no_name_and_total_bytes_count_files_that_still_exist()
        {
            Assert.Equal(string.Empty, UploadPlanner.LocalName(Path.GetPathRoot(localRoot)!));
            Assert.Equal("x", UploadPlanner.LocalName(Path.Combine(localRoot, "x") + Path.DirectorySeparatorChar));
            var plan = new[] { PlannedUpload.File(LocalFile("five", 5), "/five"), PlannedUpload.Folder("/f"), PlannedUpload.File(Path.Combine(localRoot, "missing"), "/m"), PlannedUpload.File(LocalFile("two", 2), "/two") };
            Assert.Equal(7, UploadPlanner.TotalBytes(plan));
        }

        [LabFact]
        public void A_missing_folder_is_created_with_its_parents_only_when_allowed()
        {
            using var client = LabClients.Connect(lab["proftpd-plain"]);
            var folder = RemoteFolder(client, "ensure");
            var asked = 0;

            Assert.False(RemoteFolders.Ensure(client, folder + "/a/b", () => { asked++; return false; }, None));
            Assert.Null(client.GetItem(folder + "/a", None));
            Assert.True(RemoteFolders.Ensure(client, folder + "/a/b", () => { asked++; return true; }, None));
            Assert.Equal(FtpItemType.Directory, client.GetItem(folder + "/a/b", None)!.Type);
            Assert.True(RemoteFolders.Ensure(client, folder + "/a/b", () => { asked++; return true; }, None));
            Assert.Equal(2, asked);
        }

        [LabFact]
        public void A_file_in_the_way_of_a_folder_is_an_IOException()
        {
            using var client = LabClients.Connect(lab["pyftpdlib-plain"]);
            var folder = RemoteFolder(client, "ensure");
            client.Upload(new MemoryStream(new byte[1]), folder + "/taken", FtpUploadMode.Overwrite, null, None);

            var exception = Assert.Throws<IOException>(() => RemoteFolders.Ensure(client, folder + "/taken", () => true, None));
            Assert.Contains("a file has that name", exception.Message);
        }
    }
}

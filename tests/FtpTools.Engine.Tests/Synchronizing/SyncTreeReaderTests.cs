using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Synchronizing;
using FtpTools.Engine.Tests.Parallel;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Synchronizing
{
    /// <summary>Sync-FtpItem's reading of both trees (SyncTreeReader) against a real server: root checks, filters, the plan it hands on.</summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class SyncTreeReaderTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-syncread-").FullName;
        private readonly List<string> listed = new List<string>();

        public SyncTreeReaderTests(LabFixture lab) => this.lab = lab;

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        private RemoteConnectionSlot Slot() => SchedulerLab.Slot(lab["pyftpdlib-plain"]);

        private RemoteTreeWalker Walker(RemoteConnectionSlot slot) => new RemoteTreeWalker(directory =>
        {
            listed.Add(directory);
            return slot.Current.ListDirectory(directory, None);
        });

        private static string RemoteFolder(RemoteConnectionSlot slot)
        {
            var path = "/syncread-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            slot.Current.CreateDirectory(path, true, None);
            return path;
        }

        private void LocalFile(string relative)
        {
            var path = Path.Combine(localRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, relative);
        }

        private static string[] Actions(SyncPlan plan) => plan.Actions.Select(a => a.Kind + " " + a.RelativePath).OrderBy(a => a, StringComparer.Ordinal).ToArray();

        [LabFact]
        public void An_upload_into_a_missing_remote_folder_creates_it_and_sends_what_the_filter_keeps()
        {
            var slot = Slot();
            var remoteRoot = RemoteFolder(slot) + "/new";
            LocalFile("a.txt");
            LocalFile(Path.Combine("sub", "b.txt"));
            LocalFile(Path.Combine("skip", "c.txt"));
            var options = new SyncOptions(FtpSyncDirection.Upload, DateTimeOffset.UtcNow) { Filter = new PathFilter(null, new[] { "skip" }) };

            var plan = new SyncTreeReader(slot, options).Plan(localRoot, remoteRoot, Walker(slot), None);

            Assert.Equal(new[] { "CreateFolder .", "CreateFolder sub", "Upload a.txt", "Upload sub/b.txt" }, Actions(plan));
            Assert.False(options.TargetRootExists);
            Assert.Equal(slot.Current.CanSetModifiedTime, options.TargetKeepsSourceTime);
            Assert.Empty(listed);
        }

        [LabFact]
        public void A_download_does_not_list_an_excluded_remote_folder()
        {
            var slot = Slot();
            var remoteRoot = RemoteFolder(slot);
            slot.Current.CreateDirectory(remoteRoot + "/keep", false, None);
            slot.Current.CreateDirectory(remoteRoot + "/skip", false, None);
            slot.Current.Upload(new MemoryStream(new byte[4]), remoteRoot + "/keep/x.bin", FtpUploadMode.Overwrite, null, None);
            var options = new SyncOptions(FtpSyncDirection.Download, DateTimeOffset.UtcNow) { Filter = new PathFilter(null, new[] { "skip" }) };

            var plan = new SyncTreeReader(slot, options).Plan(Path.Combine(localRoot, "target"), remoteRoot, Walker(slot), None);

            Assert.Equal(new[] { "CreateFolder .", "CreateFolder keep", "Download keep/x.bin" }, Actions(plan));
            Assert.Equal(new[] { remoteRoot, remoteRoot + "/keep" }, listed);
            Assert.True(options.TargetKeepsSourceTime);
        }

        [LabFact]
        public void Roots_that_are_files_or_a_missing_source_are_refused_before_any_walk()
        {
            var slot = Slot();
            var remoteRoot = RemoteFolder(slot);
            slot.Current.Upload(new MemoryStream(new byte[1]), remoteRoot + "/file", FtpUploadMode.Overwrite, null, None);
            LocalFile("local-file");
            SyncTreeReader Reader(FtpSyncDirection direction) => new SyncTreeReader(slot, new SyncOptions(direction, DateTimeOffset.UtcNow));

            Assert.Contains("is a file", Assert.Throws<ArgumentException>(() => Reader(FtpSyncDirection.Upload).Plan(localRoot, remoteRoot + "/file", Walker(slot), None)).Message);
            Assert.Throws<RemoteItemNotFoundException>(() => Reader(FtpSyncDirection.Download).Plan(localRoot, remoteRoot + "/missing", Walker(slot), None));
            Assert.Contains("is a file", Assert.Throws<ArgumentException>(() => Reader(FtpSyncDirection.Download).Plan(Path.Combine(localRoot, "local-file"), remoteRoot, Walker(slot), None)).Message);
            Assert.Throws<DirectoryNotFoundException>(() => Reader(FtpSyncDirection.Upload).Plan(Path.Combine(localRoot, "missing"), remoteRoot, Walker(slot), None));
            Assert.Empty(listed);
        }
    }
}

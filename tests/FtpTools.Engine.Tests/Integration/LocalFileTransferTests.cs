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
    /// <summary>Receive-FtpItem's and Send-FtpItem's file handling (partial file, -IfExists, modification times) against real servers.</summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class LocalFileTransferTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private static readonly DateTime ServerStamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        private static readonly DateTime LocalStamp = new DateTime(2019, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        private readonly LabFixture lab;
        private readonly string localRoot;
        private readonly List<string> events = new List<string>();

        public LocalFileTransferTests(LabFixture lab)
        {
            this.lab = lab;
            localRoot = Directory.CreateTempSubdirectory("ftptools-localfile-").FullName;
        }

        public static IEnumerable<object[]> Servers()
        {
            yield return new object[] { "vsftpd-plain" };
            yield return new object[] { "proftpd-explicit" };
            yield return new object[] { "pyftpdlib-plain" };
        }

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        private static byte[] RandomBytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private static string UniqueRemotePath(string label) => "/" + label + "-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";

        private static string OnDisk(LabServer server, string remotePath) => Path.Combine(server.RootDirectory, remotePath.TrimStart('/'));

        private static string PartialOf(string localPath) => localPath + ".ftptools-partial";

        /// <summary>A file the server holds, written straight into its root, with a fixed modification time.</summary>
        private static string ServerFile(LabServer server, string label, byte[] data)
        {
            var path = UniqueRemotePath(label);
            File.WriteAllBytes(OnDisk(server, path), data);
            File.SetLastWriteTimeUtc(OnDisk(server, path), ServerStamp);
            return path;
        }

        /// <summary>A remote file created through FTP, so the server's account owns it and can replace or extend it.</summary>
        private static string UploadedFile(FtpClient client, string label, byte[] data)
        {
            var path = UniqueRemotePath(label);
            client.Upload(new MemoryStream(data), path, FtpUploadMode.Overwrite, null, None);
            return path;
        }

        private string LocalFile(string name, byte[]? data = null, DateTime? lastWriteUtc = null)
        {
            var path = Path.Combine(localRoot, name);
            if (data != null)
            {
                File.WriteAllBytes(path, data);
                File.SetLastWriteTimeUtc(path, lastWriteUtc ?? LocalStamp);
            }

            return path;
        }

        private LocalFileTransfers Transfers(FtpClient client) => new LocalFileTransfers(client)
        {
            Explained = message => events.Add("explained: " + message),
            FileStarted = name => events.Add("started: " + name),
            FileFinished = bytes => events.Add("finished: " + bytes),
        };

        private string[] LocalNames() => Directory.GetFiles(localRoot, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(localRoot, p)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        // ---------------------------------------------------------------- downloads

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void DownloadWritesTheRemoteBytesKeepsTheServerTimeAndLeavesNoPartialFile(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(300_001, 1);
            var path = ServerFile(server, "down", data);
            var local = Path.Combine(localRoot, "new folder", "copy.bin");

            var result = Transfers(client).DownloadToFile(client.GetItem(path, None)!, local, FtpIfExists.Overwrite, null, None);

            Assert.Equal(LocalTransferOutcome.Transferred, result.Outcome);
            Assert.Equal("new file", result.Reason);
            Assert.Equal(0, result.StartOffset);
            Assert.Equal(data.Length, result.BytesTransferred);
            Assert.Equal(new DateTimeOffset(ServerStamp), result.ModificationTime);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new[] { Path.Combine("new folder", "copy.bin") }, LocalNames());
            Assert.Equal(new[] { "explained: " + path + " -> " + local + ": new file", "started: " + path.TrimStart('/'), "finished: " + data.Length }, events);
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void DownloadOfAListedItemGetsTheExactServerTimeEvenWhenTheListingShowsOnlyTheDay(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(1000, 2);
            var path = ServerFile(server, "listed", data);
            var listed = client.ListDirectory("/", None).Items.Single(i => i.FullName == path);
            var local = LocalFile("listed.bin");

            var result = Transfers(client).DownloadToFile(listed, local, FtpIfExists.Overwrite, null, None);

            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new DateTimeOffset(ServerStamp), result.ModificationTime);
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void DownloadOfAFileThatVanishedFailsAndLeavesNeitherPartialNorNewFile(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var path = ServerFile(server, "vanished", RandomBytes(5000, 3));
            var remote = client.GetItem(path, None)!;
            File.Delete(OnDisk(server, path));
            var local = LocalFile("vanished.bin");
            var existing = LocalFile("existing.bin", RandomBytes(10, 4));

            var error = Assert.ThrowsAny<FtpCommandException>(() => Transfers(client).DownloadToFile(remote, local, FtpIfExists.Overwrite, null, None));
            Assert.Equal(550, error.ReplyCode);
            Assert.ThrowsAny<FtpCommandException>(() => Transfers(client).DownloadToFile(remote, existing, FtpIfExists.Overwrite, null, None));

            Assert.Equal(new[] { "existing.bin" }, LocalNames());
            Assert.Equal(RandomBytes(10, 4), File.ReadAllBytes(existing));
            Assert.True(client.IsConnected);
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void CancelledDownloadDeletesItsPartialFileUnlessResuming(string serverName)
        {
            var server = lab[serverName];
            using var client = ConnectReportingEveryChunk(server);
            var data = RandomBytes(4 * 1024 * 1024, 5);
            var path = ServerFile(server, "cancel", data);
            var local = LocalFile("cancel.bin");

            using (var cancellation = new CancellationTokenSource())
            {
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    Transfers(client).DownloadToFile(client.GetItem(path, None)!, local, FtpIfExists.Overwrite, new CancelAfter(cancellation, 1024 * 1024), cancellation.Token));
            }

            Assert.Empty(LocalNames());
            Assert.True(client.IsConnected);
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void CancelledDownloadWithResumeKeepsThePartialFileAndTheNextRunContinuesFromIt(string serverName)
        {
            var server = lab[serverName];
            using var client = ConnectReportingEveryChunk(server);
            var data = RandomBytes(4 * 1024 * 1024, 6);
            var path = ServerFile(server, "resume-after-cancel", data);
            var local = LocalFile("resume-after-cancel.bin");

            using (var cancellation = new CancellationTokenSource())
            {
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    Transfers(client).DownloadToFile(client.GetItem(path, None)!, local, FtpIfExists.Resume, new CancelAfter(cancellation, 1024 * 1024), cancellation.Token));
            }

            Assert.Equal(new[] { "resume-after-cancel.bin.ftptools-partial" }, LocalNames());
            var kept = File.ReadAllBytes(PartialOf(local));
            Assert.InRange(kept.Length, 1024 * 1024, data.Length - 1);
            Assert.Equal(data.Take(kept.Length), kept);

            events.Clear();
            var result = Transfers(client).DownloadToFile(client.GetItem(path, None)!, local, FtpIfExists.Resume, null, None);

            Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
            Assert.Equal("resuming at byte " + kept.Length + " of " + data.Length, result.Reason);
            Assert.Equal(kept.Length, result.StartOffset);
            Assert.Equal(data.Length - kept.Length, result.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new[] { "resume-after-cancel.bin" }, LocalNames());
            Assert.Equal("finished: " + data.Length, events.Last());
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void ResumeContinuesFromAnExistingPartialFileAndAsksForTheSizeWhenTheItemHasNone(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(1_000_003, 7);
            var path = ServerFile(server, "resume", data);
            var local = LocalFile("resume.bin");
            File.WriteAllBytes(PartialOf(local), data.Take(300_000).ToArray());
            var bare = new FtpListItem(path.TrimStart('/'), path, FtpItemType.File);

            var result = Transfers(client).DownloadToFile(bare, local, FtpIfExists.Resume, null, None);

            Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
            Assert.Equal("resuming at byte 300000 of 1000003", result.Reason);
            Assert.Equal(300_000, result.StartOffset);
            Assert.Equal(700_003, result.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new[] { "resume.bin" }, LocalNames());
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void ResumeOnlyRenamesAPartialFileThatIsAlreadyComplete(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(2048, 8);
            var path = ServerFile(server, "complete-partial", data);
            var local = LocalFile("complete.bin");
            // Same length, other bytes: only a download would turn them into the server's.
            var partial = RandomBytes(2048, 9);
            File.WriteAllBytes(PartialOf(local), partial);

            var result = Transfers(client).DownloadToFile(client.GetItem(path, None)!, local, FtpIfExists.Resume, null, None);

            Assert.Equal(LocalTransferOutcome.CompletedFromPartial, result.Outcome);
            Assert.Equal(0, result.BytesTransferred);
            Assert.Equal(partial, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new[] { "complete.bin" }, LocalNames());
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void ResumeSkipsAFinalFileThatAlreadyHasTheRemoteLength(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var path = ServerFile(server, "resume-skip", RandomBytes(4096, 10));
            var mine = RandomBytes(4096, 11);
            var local = LocalFile("resume-skip.bin", mine);

            var result = Transfers(client).DownloadToFile(client.GetItem(path, None)!, local, FtpIfExists.Resume, null, None);

            Assert.Equal(LocalTransferOutcome.Skipped, result.Outcome);
            Assert.True(result.WasSkipped);
            Assert.Equal("the file exists with the remote file's length", result.Reason);
            Assert.Equal(mine, File.ReadAllBytes(local));
            Assert.Equal(LocalStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new[] { "explained: " + path + " -> " + local + ": the file exists with the remote file's length" }, events);
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void IfExistsDecidesWhatHappensToAnExistingLocalFile(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(5000, 12);
            var path = ServerFile(server, "ifexists", data);
            var remote = client.GetItem(path, None)!;
            var mine = RandomBytes(100, 13);
            var local = LocalFile("ifexists.bin", mine);

            var skipped = Transfers(client).DownloadToFile(remote, local, FtpIfExists.Skip, null, None);
            Assert.Equal(LocalTransferOutcome.Skipped, skipped.Outcome);
            Assert.Equal("the file exists (-IfExists Skip)", skipped.Reason);
            Assert.Equal(mine, File.ReadAllBytes(local));
            Assert.Equal(LocalStamp, File.GetLastWriteTimeUtc(local));

            events.Clear();
            var refused = Assert.Throws<DestinationExistsException>(() => Transfers(client).DownloadToFile(remote, local, FtpIfExists.Fail, null, None));
            Assert.Equal(local, refused.Destination);
            Assert.Equal(new[] { "explained: " + path + " -> " + local + ": the file exists (-IfExists Fail)" }, events);
            Assert.Equal(mine, File.ReadAllBytes(local));

            var replaced = Transfers(client).DownloadToFile(remote, local, FtpIfExists.Overwrite, null, None);
            Assert.Equal(LocalTransferOutcome.Transferred, replaced.Outcome);
            Assert.Equal("replacing the existing file", replaced.Reason);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new[] { "ifexists.bin" }, LocalNames());
        }

        [LabFact]
        public void DownloadOntoALocalDirectoryIsRefusedBeforeAnyTransfer()
        {
            var server = lab["vsftpd-plain"];
            using var client = LabClients.Connect(server);
            var path = ServerFile(server, "onto-dir", RandomBytes(10, 14));
            var local = Path.Combine(localRoot, "a folder");
            Directory.CreateDirectory(local);

            var error = Assert.Throws<IOException>(() => Transfers(client).DownloadToFile(client.GetItem(path, None)!, local, FtpIfExists.Overwrite, null, None));
            Assert.Contains("a directory has that name", error.Message);
            Assert.Empty(events);
            Assert.Empty(LocalNames());
        }

        // ---------------------------------------------------------------- uploads

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void UploadResumeContinuesAShorterRemoteFileSkipsAnEqualOneAndReplacesALongerOne(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(1_000_003, 20);
            var local = LocalFile("up-resume.bin", data);

            var shorter = UploadedFile(client, "up-shorter", data.Take(250_000).ToArray());
            var resumed = Transfers(client).UploadFromFile(local, shorter, FtpIfExists.Resume, null, None);
            Assert.Equal(LocalTransferOutcome.Resumed, resumed.Outcome);
            Assert.Equal("resuming at byte 250000 of 1000003", resumed.Reason);
            Assert.Equal(250_000, resumed.StartOffset);
            Assert.Equal(750_003, resumed.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, shorter)));

            var theirs = RandomBytes(data.Length, 21);
            var equal = UploadedFile(client, "up-equal", theirs);
            events.Clear();
            var skipped = Transfers(client).UploadFromFile(local, equal, FtpIfExists.Resume, null, None);
            Assert.Equal(LocalTransferOutcome.Skipped, skipped.Outcome);
            Assert.Equal("the remote file already has the local file's length", skipped.Reason);
            Assert.Equal(theirs, File.ReadAllBytes(OnDisk(server, equal)));
            Assert.Equal(new[] { "explained: " + local + " -> " + equal + ": the remote file already has the local file's length" }, events);

            var longer = UploadedFile(client, "up-longer", RandomBytes(data.Length + 10, 22));
            var replaced = Transfers(client).UploadFromFile(local, longer, FtpIfExists.Resume, null, None);
            Assert.Equal(LocalTransferOutcome.Transferred, replaced.Outcome);
            Assert.Equal("the remote file is longer than the local file; replacing it", replaced.Reason);
            Assert.Equal(data.Length, replaced.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, longer)));

            var missing = UniqueRemotePath("up-new");
            var created = Transfers(client).UploadFromFile(local, missing, FtpIfExists.Resume, null, None);
            Assert.Equal(LocalTransferOutcome.Transferred, created.Outcome);
            Assert.Equal("new file", created.Reason);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, missing)));
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void UploadAppendAddsToTheRemoteFileOrCreatesIt(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(70_000, 23);
            var local = LocalFile("up-append.bin", data);
            var head = RandomBytes(1234, 24);
            var path = UploadedFile(client, "up-append", head);

            var appended = Transfers(client).UploadFromFile(local, path, FtpIfExists.Append, null, None);
            Assert.Equal(LocalTransferOutcome.Appended, appended.Outcome);
            Assert.Equal(0, appended.StartOffset);
            Assert.Equal(data.Length, appended.BytesTransferred);
            Assert.Equal(head.Concat(data), File.ReadAllBytes(OnDisk(server, path)));

            var missing = UniqueRemotePath("up-append-new");
            var created = Transfers(client).UploadFromFile(local, missing, FtpIfExists.Append, null, None);
            Assert.Equal(LocalTransferOutcome.Appended, created.Outcome);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, missing)));
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void UploadSkipFailAndOverwriteAgainstAnExistingRemoteFile(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = RandomBytes(40_000, 25);
            var local = LocalFile("up-modes.bin", data);
            var theirs = RandomBytes(99, 26);
            var path = UploadedFile(client, "up-modes", theirs);

            var skipped = Transfers(client).UploadFromFile(local, path, FtpIfExists.Skip, null, None);
            Assert.Equal(LocalTransferOutcome.Skipped, skipped.Outcome);
            Assert.Equal("the remote file exists (-IfExists Skip)", skipped.Reason);
            Assert.Equal(theirs, File.ReadAllBytes(OnDisk(server, path)));

            events.Clear();
            var refused = Assert.Throws<DestinationExistsException>(() => Transfers(client).UploadFromFile(local, path, FtpIfExists.Fail, null, None));
            Assert.Equal(path, refused.Destination);
            Assert.Equal(new[] { "explained: " + local + " -> " + path + ": the remote file exists (-IfExists Fail)" }, events);
            Assert.Equal(theirs, File.ReadAllBytes(OnDisk(server, path)));

            events.Clear();
            var replaced = Transfers(client).UploadFromFile(local, path, FtpIfExists.Overwrite, null, None);
            Assert.Equal(LocalTransferOutcome.Transferred, replaced.Outcome);
            // Overwrite does not look at the remote side (one round trip less per file), and says so.
            Assert.Equal("uploading; an existing remote file is replaced", replaced.Reason);
            Assert.Equal(data.Length, replaced.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, path)));
            Assert.Equal(new[] { "explained: " + local + " -> " + path + ": uploading; an existing remote file is replaced", "started: up-modes.bin", "finished: " + data.Length }, events.Take(3));

            var missing = UniqueRemotePath("up-fail-new");
            Assert.Equal(LocalTransferOutcome.Transferred, Transfers(client).UploadFromFile(local, missing, FtpIfExists.Fail, null, None).Outcome);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, missing)));
        }

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void UploadOntoARemoteDirectoryIsRefusedWhenTheModeLooksAtTheRemoteSide(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var local = LocalFile("up-dir.bin", RandomBytes(10, 27));
            var directory = "/updir-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            client.CreateDirectory(directory, false, None);

            foreach (var mode in new[] { FtpIfExists.Skip, FtpIfExists.Fail, FtpIfExists.Resume })
            {
                var error = Assert.Throws<IOException>(() => Transfers(client).UploadFromFile(local, directory, mode, null, None));
                Assert.Contains("a remote directory has that name", error.Message);
            }

            Assert.Empty(events);
            Assert.True(Directory.Exists(OnDisk(server, directory)));
        }

        [LabTheory]
        [InlineData("vsftpd-plain", false)]
        [InlineData("proftpd-explicit", true)]
        [InlineData("pyftpdlib-plain", true)]
        public void UploadCopiesTheLocalTimeWhereTheServerHasMfmt(string serverName, bool hasMfmt)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            Assert.Equal(hasMfmt, client.Features.Has("MFMT"));
            var local = LocalFile("up-time.bin", RandomBytes(3000, 28), LocalStamp);
            var path = UniqueRemotePath("up-time");
            var before = DateTime.UtcNow.AddSeconds(-5);

            var result = Transfers(client).UploadFromFile(local, path, FtpIfExists.Overwrite, null, None);

            Assert.Equal(LocalTransferOutcome.Transferred, result.Outcome);
            Assert.DoesNotContain(events, e => e.Contains("modification time", StringComparison.Ordinal));
            var remoteTime = File.GetLastWriteTimeUtc(OnDisk(server, path));
            if (hasMfmt)
            {
                Assert.Equal(new DateTimeOffset(LocalStamp), result.ModificationTime);
                Assert.Equal(LocalStamp, remoteTime);
                Assert.Equal(new DateTimeOffset(LocalStamp), client.GetModifiedTime(path, None));
            }
            else
            {
                Assert.Null(result.ModificationTime);
                Assert.InRange(remoteTime, before, DateTime.UtcNow.AddSeconds(5));
            }
        }

        [LabFact]
        public void UploadOfAMissingLocalFileFailsBeforeTouchingTheServer()
        {
            var server = lab["vsftpd-plain"];
            using var client = LabClients.Connect(server);
            var path = UniqueRemotePath("up-missing");

            Assert.Throws<FileNotFoundException>(() => Transfers(client).UploadFromFile(LocalFile("nothing-here.bin"), path, FtpIfExists.Overwrite, null, None));
            Assert.Empty(events);
            Assert.False(File.Exists(OnDisk(server, path)));
        }

        /// <summary>Progress after every chunk: each clock reading is a second later than the last, and no keepalives interfere.</summary>
        private static FtpClient ConnectReportingEveryChunk(LabServer server) => LabClients.Connect(server, configure: options =>
        {
            options.Clock = new SteppingClock();
            options.KeepAliveInterval = TimeSpan.Zero;
            options.TransferBufferSize = 64 * 1024;
        });

        /// <summary>Ctrl+C once a number of bytes have arrived.</summary>
        private sealed class CancelAfter : IProgress<FtpTransferProgress>
        {
            private readonly CancellationTokenSource cancellation;
            private readonly long bytes;

            public CancelAfter(CancellationTokenSource cancellation, long bytes)
            {
                this.cancellation = cancellation;
                this.bytes = bytes;
            }

            public void Report(FtpTransferProgress value)
            {
                if (value.BytesTransferred >= bytes) cancellation.Cancel();
            }
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Sftp;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>LocalFileTransfers (what Receive-FtpItem and Send-FtpItem do) driving the SFTP adapter: resume, partial files, times.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpLocalFileTransferTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private static readonly DateTime ServerStamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        private static readonly DateTime LocalStamp = new DateTime(2019, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        private readonly ISftpFileSystem? client;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-sftp-local-").FullName;
        private readonly string serverFolder = "";
        private readonly string remote = "";

        public SftpLocalFileTransferTests(SftpLabFixture lab)
        {
            if (lab.SkipReason != null) return;
            client = SftpSessions.Connect(lab.Server);
            (serverFolder, remote) = SftpSessions.NewFolder(lab.Server, "local");
        }

        public void Dispose()
        {
            client?.Dispose();
            Directory.Delete(localRoot, recursive: true);
        }

        private ISftpFileSystem Client => client!;

        private LocalFileTransfers Transfers => new LocalFileTransfers(Client);

        private static byte[] RandomBytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private string ServerFile(string name, byte[] data)
        {
            var path = Path.Combine(serverFolder, name);
            File.WriteAllBytes(path, data);
            File.SetLastWriteTimeUtc(path, ServerStamp);
            return FtpPath.Combine(remote, name);
        }

        [LabFact]
        public void DownloadKeepsTheServerTimeAndLeavesNoPartialFile()
        {
            var data = RandomBytes(300_001, 1);
            var path = ServerFile("down.bin", data);
            var local = Path.Combine(localRoot, "down.bin");
            var result = Transfers.DownloadToFile(Client.GetItem(path, None)!, local, FtpIfExists.Overwrite, null, None);
            Assert.Equal(LocalTransferOutcome.Transferred, result.Outcome);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.Equal(new[] { "down.bin" }, Directory.GetFiles(localRoot).Select(Path.GetFileName));
        }

        [LabFact]
        public void AnInterruptedDownloadResumesFromItsPartialFile()
        {
            var data = RandomBytes(4 * 1024 * 1024, 2);
            var path = ServerFile("resume-down.bin", data);
            var local = Path.Combine(localRoot, "resume-down.bin");
            using (var cancellation = new CancellationTokenSource())
            {
                // Progress is reported with the first chunk: cancel there, the rest of the file still to come.
                var progress = new SyncProgress(_ => cancellation.Cancel());
                Assert.ThrowsAny<OperationCanceledException>(() => Transfers.DownloadToFile(Client.GetItem(path, None)!, local, FtpIfExists.Resume, progress, cancellation.Token));
            }

            var kept = File.ReadAllBytes(local + ".ftptools-partial");
            Assert.InRange(kept.Length, 1, data.Length - 1);
            Assert.Equal(data.Take(kept.Length), kept);

            var result = Transfers.DownloadToFile(Client.GetItem(path, None)!, local, FtpIfExists.Resume, null, None);
            Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
            Assert.Equal(kept.Length, result.StartOffset);
            Assert.Equal(data.Length - kept.Length, result.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(ServerStamp, File.GetLastWriteTimeUtc(local));
            Assert.False(File.Exists(local + ".ftptools-partial"));
        }

        [LabFact]
        public void AnInterruptedUploadResumesFromTheRemoteSizeAndGetsTheLocalTime()
        {
            // What an interrupted upload leaves (see CancellationStopsATransferBetweenChunksAndKeepsTheSession): a prefix of the file.
            var data = RandomBytes(4 * 1024 * 1024, 3);
            var local = Path.Combine(localRoot, "resume-up.bin");
            File.WriteAllBytes(local, data);
            File.SetLastWriteTimeUtc(local, LocalStamp);
            var onServer = Path.Combine(serverFolder, "resume-up.bin");
            File.WriteAllBytes(onServer, data.Take(1_500_000).ToArray());
            LabFiles.GiveToLabUser(onServer);

            var result = Transfers.UploadFromFile(local, FtpPath.Combine(remote, "resume-up.bin"), FtpIfExists.Resume, null, None);

            Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
            Assert.Equal(1_500_000, result.StartOffset);
            Assert.Equal(data.Length - 1_500_000, result.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(onServer));
            Assert.Equal(LocalStamp, File.GetLastWriteTimeUtc(onServer));
        }

        [LabFact]
        public void AppendAndSkipBehaveAsOnFtp()
        {
            var local = Path.Combine(localRoot, "part.txt");
            File.WriteAllBytes(local, new byte[] { 1, 2 });
            var path = FtpPath.Combine(remote, "part.txt");
            Assert.Equal(LocalTransferOutcome.Appended, Transfers.UploadFromFile(local, path, FtpIfExists.Append, null, None).Outcome);
            Assert.Equal(LocalTransferOutcome.Appended, Transfers.UploadFromFile(local, path, FtpIfExists.Append, null, None).Outcome);
            Assert.Equal(new byte[] { 1, 2, 1, 2 }, File.ReadAllBytes(Path.Combine(serverFolder, "part.txt")));
            Assert.True(Transfers.UploadFromFile(local, path, FtpIfExists.Skip, null, None).WasSkipped);
            Assert.Throws<DestinationExistsException>(() => Transfers.UploadFromFile(local, path, FtpIfExists.Fail, null, None));
        }
    }
}

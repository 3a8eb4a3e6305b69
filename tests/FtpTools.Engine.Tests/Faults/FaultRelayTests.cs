using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>Faults injected by FaultRelay between the engine and a real vsftpd: each ends within its timeout with a clear error, never a truncated file under the final name.</summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class FaultRelayTests : IDisposable
    {
        private const string ServerName = "vsftpd-plain";
        private const int FileLength = 4 * 1024 * 1024;
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-faults-").FullName;

        public FaultRelayTests(LabFixture lab) => this.lab = lab;

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        private LabServer Server => lab[ServerName];

        private FtpClient ConnectThrough(FaultRelay relay, TimeSpan? dataTimeout = null) => RelayedLab.Client(Server, relay, options =>
        {
            options.ConnectTimeout = TimeSpan.FromSeconds(5);
            options.ReadTimeout = TimeSpan.FromSeconds(5);
            options.DataTimeout = dataTimeout ?? TimeSpan.FromSeconds(5);
        });

        private FaultRelay Relay(FaultRule? control = null, FaultRule? data = null) => RelayedLab.Relay(Server, control, data);

        private (string RemotePath, byte[] Data) ServerFile(string label) => RelayedLab.ServerFile(Server, "fault", label, FileLength);

        /// <summary>Downloads through LocalFileTransfers and returns the error; asserts the time bound and that the final name holds nothing.</summary>
        private Exception FailedDownload(FtpClient client, string remotePath, string localPath, FtpIfExists ifExists, TimeSpan bound)
        {
            var item = new FtpListItem(Path.GetFileName(remotePath), remotePath, FtpItemType.File) { Length = FileLength };
            var watch = Stopwatch.StartNew();
            var error = Record.Exception(() => new LocalFileTransfers(client).DownloadToFile(item, localPath, ifExists, null, None));
            Assert.NotNull(error);
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, bound);
            Assert.False(File.Exists(localPath), "a truncated file was left under the final name");
            return error!;
        }

        [LabFact]
        public void DataConnectionResetMidDownloadFailsWithATransientErrorAndResumeCompletesIt()
        {
            var (remote, data) = ServerFile("reset-down");
            var local = Path.Combine(localRoot, "reset-down.bin");
            using (var relay = Relay(data: new FaultRule { AtByte = 1024 * 1024, Action = FaultAction.Reset, Delay = TimeSpan.FromMilliseconds(500) }))
            using (var client = ConnectThrough(relay))
            {
                var error = FailedDownload(client, remote, local, FtpIfExists.Resume, TimeSpan.FromSeconds(20));

                var ftpError = Assert.IsAssignableFrom<FtpException>(error);
                Assert.True(ftpError.IsTransient, error.ToString());
                Assert.Contains(remote, ftpError.RemotePath ?? error.Message);
                Assert.True(relay.Fired);
                Assert.True(File.Exists(TransferTargets.PartialPathFor(local)), "-IfExists Resume keeps the partial file");
                Assert.InRange(new FileInfo(TransferTargets.PartialPathFor(local)).Length, 1, FileLength - 1);
            }

            using (var relay = Relay())
            using (var client = ConnectThrough(relay))
            {
                var item = new FtpListItem(Path.GetFileName(remote), remote, FtpItemType.File) { Length = FileLength };
                var result = new LocalFileTransfers(client).DownloadToFile(item, local, FtpIfExists.Resume, null, None);

                Assert.True(result.StartOffset > 0, "the second run resumed from the partial file");
                Assert.Equal(data, File.ReadAllBytes(local));
            }
        }

        [LabFact]
        public void DataConnectionResetMidDownloadWithOverwriteLeavesNoFileAtAll()
        {
            var (remote, _) = ServerFile("reset-overwrite");
            var local = Path.Combine(localRoot, "reset-overwrite.bin");
            using var relay = Relay(data: new FaultRule { AtByte = 512 * 1024, Action = FaultAction.Reset });
            using var client = ConnectThrough(relay);

            FailedDownload(client, remote, local, FtpIfExists.Overwrite, TimeSpan.FromSeconds(20));

            Assert.Empty(Directory.GetFiles(localRoot));
        }

        [LabFact]
        public void DataConnectionResetMidUploadFailsWithAClearErrorWithinTheTimeout()
        {
            var data = new byte[FileLength];
            new Random(3).NextBytes(data);
            var localFile = Path.Combine(localRoot, "upload.bin");
            File.WriteAllBytes(localFile, data);
            var remote = "/fault-reset-up-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";
            using var relay = Relay(data: new FaultRule { ToClient = false, AtByte = 1024 * 1024, Action = FaultAction.Reset });
            using var client = ConnectThrough(relay);
            var watch = Stopwatch.StartNew();

            var error = Assert.ThrowsAny<FtpException>(() => new LocalFileTransfers(client).UploadFromFile(localFile, remote, FtpIfExists.Overwrite, null, None));

            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            Assert.Equal(FtpPhase.Transfer, error.Phase);
            Assert.True(error.IsTransient, error.ToString());
            Assert.Contains(remote, error.Message);
            Assert.True(relay.Fired);
        }

        [LabFact]
        public void DataConnectionThatStallsWithoutFinEndsAfterTheDataTimeout()
        {
            var (remote, _) = ServerFile("stall");
            var local = Path.Combine(localRoot, "stall.bin");
            using var relay = Relay(data: new FaultRule { AtByte = 256 * 1024, Action = FaultAction.Stall });
            using var client = ConnectThrough(relay, dataTimeout: TimeSpan.FromSeconds(2));

            var error = FailedDownload(client, remote, local, FtpIfExists.Overwrite, TimeSpan.FromSeconds(20));

            var ftpError = Assert.IsAssignableFrom<FtpException>(error);
            Assert.Equal(FtpPhase.Transfer, ftpError.Phase);
            Assert.Contains("failed after", error.Message);
            Assert.False(File.Exists(TransferTargets.PartialPathFor(local)));
        }

        [LabFact]
        public void ControlConnectionDroppedWhileTheDataFlowsFailsAndLeavesNoFile()
        {
            var (remote, _) = ServerFile("control-drop");
            var local = Path.Combine(localRoot, "control-drop.bin");
            using var relay = Relay(
                control: new FaultRule { OnCommand = "RETR", Delay = TimeSpan.FromMilliseconds(300), Action = FaultAction.Reset },
                data: new FaultRule { AtByte = 0, Action = FaultAction.Throttle, Delay = TimeSpan.FromMilliseconds(10) });
            using var client = ConnectThrough(relay);

            var error = FailedDownload(client, remote, local, FtpIfExists.Overwrite, TimeSpan.FromSeconds(30));

            Assert.IsAssignableFrom<FtpConnectionException>(error);
            Assert.False(client.IsConnected);
            Assert.False(File.Exists(TransferTargets.PartialPathFor(local)));
        }

        [LabFact]
        public void DataEndingBeforeTheAnnouncedSizeWhileTheServerSays226IsReportedIncomplete()
        {
            var (remote, _) = ServerFile("early-226");
            var local = Path.Combine(localRoot, "early-226.bin");
            // The client sees a clean end of data after 100,000 bytes; vsftpd sends everything and answers 226.
            using var relay = Relay(data: new FaultRule { AtByte = 100_000, Action = FaultAction.HalfClose });
            using var client = ConnectThrough(relay);

            var error = FailedDownload(client, remote, local, FtpIfExists.Overwrite, TimeSpan.FromSeconds(20));

            var ftpError = Assert.IsType<FtpConnectionException>(error);
            Assert.Contains("incomplete", error.Message);
            Assert.Contains("100000 of the " + FileLength + " bytes", error.Message);
            Assert.Equal(226, ftpError.ReplyCode);
            Assert.True(ftpError.IsTransient);
            Assert.True(client.IsConnected, "the control connection is in step after 226");
            Assert.False(File.Exists(TransferTargets.PartialPathFor(local)));
        }

        [LabFact]
        public void RelayWithoutFaultsPassesTransfersUnchanged()
        {
            var (remote, data) = ServerFile("clean");
            using var relay = Relay();
            using var client = ConnectThrough(relay);
            var sink = new MemoryStream();

            client.Download(remote, sink, 0, null, None);

            Assert.Equal(data, sink.ToArray());
            Assert.Equal(1, relay.DataConnections);
            Assert.False(relay.Fired);
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Tests.Integration;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// The faults of FaultRelayTests in the directions and on the transports those do not cover: uploads (stall, control
    /// connection dropped, data cut short while the server answers 226) and explicit FTPS on vsftpd with require_ssl_reuse,
    /// where the relay sees only TLS and cuts the control connection at a moment the test picks. Each ends within its
    /// timeout with a clear error, and no truncated file stands under the final name.
    /// </summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class UploadAndTlsFaultTests : IDisposable
    {
        private const int FileLength = 4 * 1024 * 1024;
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-upload-faults-").FullName;

        public UploadAndTlsFaultTests(LabFixture lab) => this.lab = lab;

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        private static FtpClient ConnectThrough(FaultRelay relay, LabServer server, TimeSpan? dataTimeout = null, bool progressOnEveryRead = false) => RelayedLab.Client(server, relay, options =>
        {
            options.ReadTimeout = TimeSpan.FromSeconds(5);
            options.DataTimeout = dataTimeout ?? TimeSpan.FromSeconds(5);
            // Without it the first report can come after the whole file, and the cut would fall after the transfer.
            if (progressOnEveryRead) RelayedLab.ProgressOnEveryRead(options);
        });

        private static FaultRelay Relay(LabServer server, FaultRule? control = null, FaultRule? data = null, bool relayData = true) =>
            new FaultRelay(new IPEndPoint(IPAddress.Loopback, server.Port), control, data, relayData);

        private string LocalFile(string label, int length = FileLength)
        {
            var data = new byte[length];
            new Random(label.Length).NextBytes(data);
            var path = Path.Combine(localRoot, label + ".bin");
            File.WriteAllBytes(path, data);
            return path;
        }

        private static string RemoteName(string label) => "/fault-" + label + "-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";

        private static FtpException FailedUpload(FtpClient client, string localPath, string remotePath, TimeSpan bound, IProgress<FtpTransferProgress>? progress = null)
        {
            var watch = Stopwatch.StartNew();
            var error = Assert.ThrowsAny<FtpException>(() => new LocalFileTransfers(client).UploadFromFile(localPath, remotePath, FtpIfExists.Overwrite, progress, None));
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, bound);
            return error;
        }

        [LabFact]
        public void UploadWhoseDataConnectionStallsEndsAfterTheDataTimeout()
        {
            var server = lab["vsftpd-plain"];
            // 32 MiB: loopback socket buffers autotune to several MiB and would take a 4 MiB file whole, leaving nothing to stall.
            var local = LocalFile("stall-up", 32 * 1024 * 1024);
            var remote = RemoteName("stall-up");
            // The relay stops reading from the client: its sends fill the socket buffers and then block, with no FIN and no RST.
            using var relay = Relay(server, data: new FaultRule { ToClient = false, AtByte = 512 * 1024, Action = FaultAction.Stall });
            using var client = ConnectThrough(relay, server, dataTimeout: TimeSpan.FromSeconds(2));

            var error = FailedUpload(client, local, remote, TimeSpan.FromSeconds(25));

            Assert.Equal(FtpPhase.Transfer, error.Phase);
            Assert.True(error.IsTransient, error.ToString());
            Assert.Contains(remote, error.Message);
            Assert.True(relay.Fired);
        }

        [LabFact]
        public void ControlConnectionDroppedWhileAnUploadFlowsFailsWithinTheTimeout()
        {
            var server = lab["vsftpd-plain"];
            var local = LocalFile("control-drop-up");
            var remote = RemoteName("control-drop-up");
            using var relay = Relay(server,
                control: new FaultRule { OnCommand = "STOR", Delay = TimeSpan.FromMilliseconds(300), Action = FaultAction.Reset },
                data: new FaultRule { ToClient = false, AtByte = 0, Action = FaultAction.Throttle, Delay = TimeSpan.FromMilliseconds(10) });
            using var client = ConnectThrough(relay, server);

            var error = FailedUpload(client, local, remote, TimeSpan.FromSeconds(30));

            Assert.IsAssignableFrom<FtpConnectionException>(error);
            Assert.True(error.IsTransient, error.ToString());
            Assert.False(client.IsConnected);
        }

        [LabFact]
        public void UploadCutShortWhileTheServerSays226IsReportedIncomplete()
        {
            var server = lab["vsftpd-plain"];
            var local = LocalFile("early-226-up");
            var remote = RemoteName("early-226-up");
            // The server sees the end of the data after 100,000 bytes and answers 226; the client's bytes after that are dropped.
            using var relay = Relay(server, data: new FaultRule { ToClient = false, AtByte = 100_000, Action = FaultAction.HalfClose });
            using var client = ConnectThrough(relay, server);

            var error = FailedUpload(client, local, remote, TimeSpan.FromSeconds(20));

            Assert.IsType<FtpConnectionException>(error);
            Assert.Contains("incomplete: the server has 100000 of the " + FileLength + " bytes", error.Message);
            Assert.Equal(remote, error.RemotePath);
            Assert.True(error.IsTransient);
            Assert.True(client.IsConnected, "the control connection is in step after 226");
            Assert.Equal(100_000, new FileInfo(Path.Combine(server.RootDirectory, remote.TrimStart('/'))).Length);
        }

        [LabFact]
        public void TlsControlConnectionDroppedMidDownloadFailsAndLeavesNoFileUnderTheFinalName()
        {
            var server = lab["vsftpd-explicit"];
            var data = new byte[64 * 1024 * 1024];
            new Random(7).NextBytes(data);
            var remote = RemoteName("tls-control-drop");
            File.WriteAllBytes(Path.Combine(server.RootDirectory, remote.TrimStart('/')), data);
            var local = Path.Combine(localRoot, "tls-control-drop.bin");
            using var relay = Relay(server, relayData: false);
            using var client = ConnectThrough(relay, server, progressOnEveryRead: true);
            var item = new FtpListItem(Path.GetFileName(remote), remote, FtpItemType.File) { Length = data.Length };
            var cut = new ActionAt(1024 * 1024, relay.ResetControlConnections);
            var watch = Stopwatch.StartNew();

            var error = Assert.ThrowsAny<FtpException>(() => new LocalFileTransfers(client).DownloadToFile(item, local, FtpIfExists.Resume, cut, None));

            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            Assert.True(cut.Fired);
            Assert.InRange(cut.FiredAtBytes, 1024 * 1024, 8 * 1024 * 1024);
            Assert.True(error.IsTransient, error.ToString());
            Assert.False(File.Exists(local), "a truncated file was left under the final name");
            Assert.False(client.IsConnected);
        }

        [LabFact]
        public void TlsControlConnectionDroppedMidUploadFailsWithinTheTimeout()
        {
            var server = lab["vsftpd-explicit"];
            var local = Path.Combine(localRoot, "tls-control-drop-up.bin");
            var data = new byte[64 * 1024 * 1024];
            new Random(8).NextBytes(data);
            File.WriteAllBytes(local, data);
            var remote = RemoteName("tls-control-drop-up");
            using var relay = Relay(server, relayData: false);
            using var client = ConnectThrough(relay, server, progressOnEveryRead: true);
            var cut = new ActionAt(1024 * 1024, relay.ResetControlConnections);

            var error = FailedUpload(client, local, remote, TimeSpan.FromSeconds(30), cut);

            Assert.True(cut.Fired);
            Assert.InRange(cut.FiredAtBytes, 1024 * 1024, 8 * 1024 * 1024);
            Assert.IsAssignableFrom<FtpConnectionException>(error);
            Assert.False(client.IsConnected);
        }

        /// <summary>Runs an action once, on the transfer's own thread, when the progress passes a byte count.</summary>
        private sealed class ActionAt : IProgress<FtpTransferProgress>
        {
            private readonly long bytes;
            private readonly Action action;

            public ActionAt(long bytes, Action action)
            {
                this.bytes = bytes;
                this.action = action;
            }

            public bool Fired { get; private set; }

            public long FiredAtBytes { get; private set; }

            public void Report(FtpTransferProgress value)
            {
                if (Fired || value.BytesTransferred < bytes) return;
                Fired = true;
                FiredAtBytes = value.BytesTransferred;
                action();
            }
        }
    }
}

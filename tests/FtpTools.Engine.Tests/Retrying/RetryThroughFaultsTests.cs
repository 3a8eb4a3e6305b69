using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Retrying;
using FtpTools.Engine.Tests.Faults;
using FtpTools.Engine.Tests.Integration;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Retrying
{
    /// <summary>
    /// LocalFileTransfers with a retry policy, over a RemoteConnectionSlot, between the engine and a real vsftpd with
    /// FaultRelay in the way: data connections reset or half-closed at a byte, the control connection dropped. The back-off
    /// wait is recorded instead of slept.
    /// </summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class RetryThroughFaultsTests : IDisposable
    {
        private const int FileLength = 4 * 1024 * 1024;
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-retry-").FullName;
        private readonly List<string> events = new List<string>();
        private readonly List<TimeSpan> waits = new List<TimeSpan>();

        public RetryThroughFaultsTests(LabFixture lab) => this.lab = lab;

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        private LabServer Server => lab["vsftpd-plain"];

        private FaultRelay Relay(FaultRule? control = null, FaultRule? data = null) => RelayedLab.Relay(Server, control, data);

        private RemoteConnectionSlot SlotThrough(FaultRelay relay) => RelayedLab.Slot(Server, relay);

        private LocalFileTransfers Transfers(RemoteConnectionSlot slot, int retryCount) => new LocalFileTransfers(slot)
        {
            Retry = new RetryPolicy(retryCount, TimeSpan.FromSeconds(2)),
            WaitBeforeRetry = (delay, token) => waits.Add(delay),
            Explained = events.Add,
        };

        private (string RemotePath, byte[] Data) ServerFile(string label) => RelayedLab.ServerFile(Server, "retry", label, FileLength);

        private string OnDisk(string remote) => Path.Combine(Server.RootDirectory, remote.TrimStart('/'));

        private static FtpListItem Item(string remotePath) => new FtpListItem(Path.GetFileName(remotePath), remotePath, FtpItemType.File) { Length = FileLength };

        private string[] LocalNames() => Directory.GetFiles(localRoot).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

        [LabFact]
        public void DataConnectionResetMidDownloadIsRetriedFromThePartialFileAndCompletesByteIdentical()
        {
            var (remote, data) = ServerFile("reset-down");
            using var relay = Relay(data: new FaultRule { AtByte = 1024 * 1024, Action = FaultAction.Reset, Delay = TimeSpan.FromMilliseconds(100) });
            var slot = SlotThrough(relay);
            var local = Path.Combine(localRoot, "reset-down.bin");

            var result = Transfers(slot, 3).DownloadToFile(Item(remote), local, FtpIfExists.Overwrite, null, None);

            Assert.True(relay.Fired);
            Assert.Equal(1, result.Retries);
            Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
            Assert.InRange(result.StartOffset, 1, FileLength - 1);
            Assert.Equal(FileLength - result.StartOffset, result.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(new[] { "reset-down.bin" }, LocalNames());
            Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, waits);
            Assert.Contains(events, e => e.StartsWith("retry 1 of 3 in 2 s after ", StringComparison.Ordinal) && e.EndsWith(": resuming at byte " + result.StartOffset, StringComparison.Ordinal));
            Assert.Contains(events, e => e.EndsWith(": resuming at byte " + result.StartOffset + " of " + FileLength, StringComparison.Ordinal));
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void DataConnectionHalfClosedMidDownloadIsAnIncompleteTransferThatIsRetried()
        {
            var (remote, data) = ServerFile("half-down");
            using var relay = Relay(data: new FaultRule { AtByte = 1536 * 1024, Action = FaultAction.HalfClose });
            var slot = SlotThrough(relay);
            var local = Path.Combine(localRoot, "half-down.bin");

            var result = Transfers(slot, 2).DownloadToFile(Item(remote), local, FtpIfExists.Skip, null, None);

            Assert.Equal(1, result.Retries);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Equal(new[] { "half-down.bin" }, LocalNames());
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void ControlConnectionDroppedDuringADownloadReconnectsAndCompletes()
        {
            var (remote, data) = ServerFile("control-down");
            using var relay = Relay(
                control: new FaultRule { OnCommand = "RETR", Action = FaultAction.Reset, Delay = TimeSpan.FromMilliseconds(50) },
                data: new FaultRule { AtByte = 512 * 1024, Action = FaultAction.Throttle, Delay = TimeSpan.FromMilliseconds(20) });
            var slot = SlotThrough(relay);
            var local = Path.Combine(localRoot, "control-down.bin");

            var result = Transfers(slot, 3).DownloadToFile(Item(remote), local, FtpIfExists.Overwrite, null, None);

            Assert.Equal(1, result.Retries);
            Assert.Equal(1, slot.Reconnects);
            Assert.Equal(data, File.ReadAllBytes(local));
            Assert.Contains("reconnected to 127.0.0.1:" + relay.Port, events);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void DataConnectionResetMidUploadResumesAtTheRemoteEndAndArrivesByteIdentical()
        {
            var data = new byte[FileLength];
            new Random(7).NextBytes(data);
            var local = Path.Combine(localRoot, "reset-up.bin");
            File.WriteAllBytes(local, data);
            var remote = "/retry-up-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";
            using var relay = Relay(data: new FaultRule { ToClient = false, AtByte = 1024 * 1024, Action = FaultAction.Reset });
            var slot = SlotThrough(relay);

            var result = Transfers(slot, 3).UploadFromFile(local, remote, FtpIfExists.Overwrite, null, None);

            Assert.True(relay.Fired);
            Assert.Equal(1, result.Retries);
            Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
            Assert.InRange(result.StartOffset, 1, FileLength - 1);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(remote)));
            Assert.Contains(events, e => e.StartsWith("retry 1 of 3 in 2 s after ", StringComparison.Ordinal) && e.EndsWith(": resuming at the remote file's end", StringComparison.Ordinal));
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void WithoutRetriesTheFirstTransientFailureFailsAndNoPartialFileIsLeft()
        {
            var (remote, _) = ServerFile("no-retry");
            using var relay = Relay(data: new FaultRule { AtByte = 1024 * 1024, Action = FaultAction.Reset, Delay = TimeSpan.FromMilliseconds(100) });
            var slot = SlotThrough(relay);
            var local = Path.Combine(localRoot, "no-retry.bin");

            var error = Assert.ThrowsAny<FtpException>(() => Transfers(slot, 0).DownloadToFile(Item(remote), local, FtpIfExists.Overwrite, null, None));

            Assert.True(TransientFailures.IsTransient(error));
            Assert.Empty(waits);
            Assert.Empty(LocalNames());
            Assert.DoesNotContain(events, e => e.StartsWith("retry", StringComparison.Ordinal));
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void GivingUpAfterTheLastRetryDeletesThePartialFileUnlessResuming()
        {
            var (remote, data) = ServerFile("give-up");
            File.Delete(OnDisk(remote));
            using var relay = Relay();
            var slot = SlotThrough(relay);
            var local = Path.Combine(localRoot, "give-up.bin");
            var watch = Stopwatch.StartNew();

            var error = Assert.ThrowsAny<FtpException>(() => Transfers(slot, 3).DownloadToFile(Item(remote), local, FtpIfExists.Overwrite, null, None));

            Assert.Equal(550, error.ReplyCode);
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
            Assert.Empty(waits);
            Assert.Empty(LocalNames());
            Assert.True(slot.Current.IsConnected);
            Assert.Equal(0, slot.Reconnects);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void AServerThatKeepsFailingIsTriedRetryCountTimesMoreThenThePartialFileIsKeptForResume()
        {
            var (remote, data) = ServerFile("keeps-failing");
            // Every control connection is reset on RETR: a new relay rule per connection is not possible, so the relay is
            // replaced by one that resets the data connection and then nothing listens: the reconnects are refused.
            var relay = Relay(data: new FaultRule { AtByte = 1024 * 1024, Action = FaultAction.Reset, Delay = TimeSpan.FromMilliseconds(100) });
            var slot = SlotThrough(relay);
            var local = Path.Combine(localRoot, "keeps-failing.bin");
            var transfers = Transfers(slot, 2);
            transfers.WaitBeforeRetry = (delay, token) =>
            {
                waits.Add(delay);
                relay.Dispose();
                slot.Current.Dispose();
            };

            var error = Assert.ThrowsAny<FtpException>(() => transfers.DownloadToFile(Item(remote), local, FtpIfExists.Resume, null, None));

            Assert.True(TransientFailures.IsTransient(error));
            Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }, waits);
            Assert.Equal(2, events.Count(e => e.StartsWith("could not reconnect to 127.0.0.1:", StringComparison.Ordinal)));
            Assert.Equal(new[] { "keeps-failing.bin.ftptools-partial" }, LocalNames());
            var kept = File.ReadAllBytes(local + ".ftptools-partial");
            Assert.InRange(kept.Length, 1, FileLength - 1);
            Assert.Equal(data.Take(kept.Length), kept);
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Tests.Faults;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Retrying
{
    /// <summary>A connection that dropped between commands is noticed without a round trip, and a safe request is repeated once over a new one.</summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class ReconnectTests
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;

        public ReconnectTests(LabFixture lab) => this.lab = lab;

        private LabServer Server => lab["vsftpd-plain"];

        private RemoteConnectionSlot SlotThrough(FaultRelay relay) => RelayedLab.Slot(Server, relay);

        [LabFact]
        public void AControlConnectionClosedWhileIdleIsNoticedWithoutSendingAnything()
        {
            var relay = new FaultRelay(new IPEndPoint(IPAddress.Loopback, Server.Port));
            var slot = SlotThrough(relay);
            Assert.True(slot.Current.IsConnected);

            relay.Dispose();
            var watch = Stopwatch.StartNew();
            while (slot.Current.IsConnected && watch.Elapsed < TimeSpan.FromSeconds(5)) Thread.Sleep(10);

            Assert.False(slot.Current.IsConnected);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void EnsureConnectedReplacesADroppedConnectionInTheSameDirectoryAndLeavesALiveOneAlone()
        {
            var folder = "/reconnect-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Directory.CreateDirectory(Path.Combine(Server.RootDirectory, folder.TrimStart('/')));
            using var relay = new FaultRelay(new IPEndPoint(IPAddress.Loopback, Server.Port), new FaultRule { OnCommand = "NOOP", Action = FaultAction.Reset });
            var slot = SlotThrough(relay);
            slot.Current.ChangeDirectory(folder, None);
            Assert.False(slot.EnsureConnected(None));

            Record.Exception(() => ((FtpClient)slot.Current).Execute("NOOP", None));
            var watch = Stopwatch.StartNew();
            while (slot.Current.IsConnected && watch.Elapsed < TimeSpan.FromSeconds(5)) Thread.Sleep(10);

            Assert.True(slot.EnsureConnected(None));
            Assert.Equal(1, slot.Reconnects);
            Assert.True(slot.Current.IsConnected);
            Assert.Equal(folder, slot.Current.CurrentDirectory);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void AListingThatFailsBecauseTheConnectionDroppedIsRepeatedOnceOverANewOne()
        {
            var name = "repeat-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".txt";
            File.WriteAllText(Path.Combine(Server.RootDirectory, name), "x");
            using var relay = new FaultRelay(new IPEndPoint(IPAddress.Loopback, Server.Port), new FaultRule { OnCommand = "EPSV", Action = FaultAction.Reset });
            var slot = SlotThrough(relay);
            string? reason = null;

            var listing = slot.Repeatable(fs => fs.ListDirectory("/", None), why => reason = why, ConnectRetry.Once, None);

            Assert.Contains(listing.Items, item => item.Name == name);
            Assert.NotNull(reason);
            Assert.Equal(1, slot.Reconnects);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [LabFact]
        public void AFailureOnALiveConnectionIsNotRepeated()
        {
            using var relay = new FaultRelay(new IPEndPoint(IPAddress.Loopback, Server.Port));
            var slot = SlotThrough(relay);
            var calls = 0;

            Assert.ThrowsAny<FtpException>(() => slot.Repeatable<FtpListing>(fs =>
            {
                calls++;
                return fs.ListDirectory("/no-such-folder-" + Guid.NewGuid().ToString("N"), None);
            }, null, ConnectRetry.Once, None));

            Assert.Equal(1, calls);
            Assert.Equal(0, slot.Reconnects);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }
    }
}

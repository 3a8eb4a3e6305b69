using System;
using FtpTools.Engine.Progress;
using Xunit;

namespace FtpTools.Engine.Tests.Progress
{
    /// <summary>The batch bar of a parallel transfer: the bytes of every file in flight count, one lane per connection.</summary>
    public sealed class ParallelProgressTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        [Fact]
        public void The_batch_bar_adds_the_bytes_of_every_lane_in_flight_to_the_finished_files()
        {
            var clock = new FixedClock(Start);
            var tracker = new TransferProgressTracker(clock, new ProgressThrottle(clock, TimeSpan.Zero, TimeSpan.FromTicks(1)), "Uploading", 4, 4000);
            tracker.StartFile("a", 0);
            tracker.StartFile("b", 1);
            tracker.Report(new FtpTransferProgress("/a", 300, 1000, TimeSpan.FromSeconds(1)), 0);
            tracker.Report(new FtpTransferProgress("/b", 200, 1000, TimeSpan.FromSeconds(1)), 1);
            clock.UtcNow = Start.AddSeconds(1);
            var both = tracker.FinishFile(1000, 0)!;
            clock.UtcNow = Start.AddSeconds(2);
            var afterNext = tracker.StartFile("c", 0)!;

            // Lane 0 finished a (1000) while b is at 200 on lane 1: 1200 of 4000, whichever lane reports next.
            Assert.Equal(30, both.PercentComplete);
            Assert.Equal(30, afterNext.PercentComplete);
            Assert.Contains("file 3 of 4", afterNext.Status, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void The_current_operation_names_the_latest_file_and_how_many_more_are_moving()
        {
            var clock = new FixedClock(Start);
            var tracker = new TransferProgressTracker(clock, new ProgressThrottle(clock, TimeSpan.Zero, TimeSpan.FromTicks(1)), "Uploading", 10, 10_000);
            tracker.Report(new FtpTransferProgress("/a", 300, 1000, TimeSpan.FromSeconds(1)), 0);
            tracker.Report(new FtpTransferProgress("/b", 300, 1000, TimeSpan.FromSeconds(1)), 1);
            clock.UtcNow = Start.AddSeconds(1);
            var bar = tracker.StartFile("c.bin", 2)!;

            Assert.Equal("c.bin (and 2 more at once)", bar.CurrentOperation);
        }
    }
}

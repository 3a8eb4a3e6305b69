using System;
using System.Collections.Generic;
using System.Linq;
using FtpTools.Engine.Progress;
using Xunit;

namespace FtpTools.Engine.Tests.Progress
{
    public sealed class TransferProgressTrackerTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan FirstDraw = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        [Fact]
        public void Two_thousand_small_files_in_three_seconds_draw_the_batch_bar_at_most_every_250_ms_and_remove_it_once()
        {
            var clock = new FixedClock(Start);
            var tracker = NewTracker(clock, 2000, 2000 * 4096L);
            var updates = new List<ProgressBarUpdate>();
            for (var i = 0; i < 2000; i++)
            {
                clock.UtcNow = Start + TimeSpan.FromTicks(TimeSpan.FromSeconds(3).Ticks * i / 2000);
                Collect(updates, tracker.StartFile("f" + i + ".bin"));
                Collect(updates, tracker.Report(new FtpTransferProgress("/tree/f" + i + ".bin", 4096, 4096, TimeSpan.FromMilliseconds(1))));
                Collect(updates, tracker.FinishFile(4096));
            }

            Collect(updates, tracker.Finish());

            // Drawn at 1.0, 1.25, ... 2.75 s: 8 draws, then one removal.
            Assert.InRange(updates.Count(u => !u.Completed), 7, 8);
            Assert.Single(updates, u => u.Completed);
            Assert.True(updates.Last().Completed);
            Assert.All(updates, u => Assert.Equal("Downloading", u.Activity));
        }

        [Fact]
        public void A_batch_that_ends_before_the_first_draw_writes_nothing_not_even_a_removal()
        {
            var clock = new FixedClock(Start);
            var tracker = NewTracker(clock, 200, 200 * 4096L);
            var updates = new List<ProgressBarUpdate>();
            for (var i = 0; i < 200; i++)
            {
                clock.UtcNow = Start + TimeSpan.FromMilliseconds(4 * i);
                Collect(updates, tracker.StartFile("f" + i));
                Collect(updates, tracker.FinishFile(4096));
            }

            Collect(updates, tracker.Finish());
            Assert.Empty(updates);
        }

        [Fact]
        public void The_batch_bar_shows_overall_bytes_rate_time_left_and_the_current_file()
        {
            var clock = new FixedClock(Start);
            var tracker = NewTracker(clock, 4, 4 * 1024 * 1024L);
            Assert.Null(tracker.StartFile("a.bin"));
            Assert.Null(tracker.FinishFile(1024 * 1024));
            tracker.StartFile("b.bin");
            clock.UtcNow = Start + TimeSpan.FromSeconds(2);
            var update = tracker.Report(new FtpTransferProgress("/data/b.bin", 1024 * 1024, 1024 * 1024 * 2, TimeSpan.FromSeconds(1)));

            Assert.NotNull(update);
            Assert.Equal("File 2 of 4, 2.0 MiB of 4.0 MiB at 1.0 MiB/s", update!.Status);
            Assert.Equal(50, update.PercentComplete);
            Assert.Equal(2, update.SecondsRemaining);
            Assert.Equal("b.bin: 1.0 MiB of 2.0 MiB at 1.0 MiB/s", update.CurrentOperation);
        }

        [Fact]
        public void A_single_file_has_its_own_bar_with_percent_and_time_left()
        {
            var clock = new FixedClock(Start);
            var tracker = NewTracker(clock, 1, 100);
            tracker.StartFile("big.iso");
            clock.UtcNow = Start + TimeSpan.FromSeconds(1.5);
            var update = tracker.Report(new FtpTransferProgress("/big.iso", 25, 100, TimeSpan.FromSeconds(1)));

            Assert.NotNull(update);
            Assert.Equal("Downloading big.iso", update!.Activity);
            Assert.Equal(25, update.PercentComplete);
            Assert.Equal(3, update.SecondsRemaining);
            Assert.Equal("/big.iso", update.CurrentOperation);
            Assert.Null(tracker.FinishFile(100));
            var removal = tracker.Finish();
            Assert.NotNull(removal);
            Assert.True(removal!.Completed);
        }

        [Fact]
        public void Finish_removes_the_bar_once_and_nothing_is_drawn_after_it()
        {
            var clock = new FixedClock(Start);
            var tracker = NewTracker(clock, 3, null);
            clock.UtcNow = Start + TimeSpan.FromSeconds(5);
            var drawn = tracker.StartFile("a");
            Assert.NotNull(drawn);
            Assert.Equal(0, drawn!.PercentComplete);
            Assert.Null(drawn.SecondsRemaining);

            Assert.NotNull(tracker.Finish());
            clock.UtcNow += TimeSpan.FromSeconds(5);
            Assert.Null(tracker.Finish());
            Assert.Null(tracker.StartFile("b"));
        }

        [Fact]
        public void A_slow_draw_postpones_the_next_one_by_twenty_times_its_duration()
        {
            var clock = new FixedClock(Start);
            var tracker = NewTracker(clock, 10, null);
            clock.UtcNow = Start + TimeSpan.FromSeconds(1);
            Assert.NotNull(tracker.StartFile("a"));
            clock.UtcNow += TimeSpan.FromSeconds(2);
            tracker.DrawTook(TimeSpan.FromSeconds(2));

            clock.UtcNow += TimeSpan.FromSeconds(39);
            Assert.Null(tracker.StartFile("b"));
            clock.UtcNow += TimeSpan.FromSeconds(1);
            Assert.NotNull(tracker.StartFile("c"));
        }

        [Fact]
        public void The_throttle_refuses_an_interval_that_is_not_positive()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressThrottle(new FixedClock(Start), FirstDraw, TimeSpan.Zero));
        }

        private static TransferProgressTracker NewTracker(FixedClock clock, int fileCount, long? totalBytes) =>
            new TransferProgressTracker(clock, new ProgressThrottle(clock, FirstDraw, Interval), "Downloading", fileCount, totalBytes);

        private static void Collect(List<ProgressBarUpdate> updates, ProgressBarUpdate? update)
        {
            if (update != null) updates.Add(update);
        }
    }
}

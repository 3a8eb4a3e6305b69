using System;
using System.Collections.Generic;
using System.Linq;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Progress
{
    /// <summary>
    /// Decides what the progress bar of one Send-FtpItem / Receive-FtpItem shows, and when. A command has one bar:
    /// for a single file its bytes, rate and time left; for a batch the overall bytes, rate and time left, with the
    /// file being moved (and its own bytes) as the current operation. Every draw, at a file's start and end as much as
    /// during it, passes one throttle, and the bar is removed once, by Finish, and only if it was drawn: each draw and
    /// each removal can make the console host wait on the terminal, so there are as few as the eye needs.
    /// Parallel transfers report per lane (one per connection): the bar counts the bytes of every file in flight.
    /// </summary>
    public sealed class TransferProgressTracker
    {
        private readonly IFtpClock clock;
        private readonly ProgressThrottle throttle;
        private readonly string activity;
        private readonly int fileCount;
        private readonly long? totalBytes;
        private readonly DateTimeOffset started;
        private long bytesBeforeCurrentFile;
        private int fileNumber;
        private string currentFile = string.Empty;
        private int currentLane;
        private readonly Dictionary<int, FtpTransferProgress> inFlight = new Dictionary<int, FtpTransferProgress>();
        private bool drawn;
        private bool finished;

        public TransferProgressTracker(IFtpClock clock, ProgressThrottle throttle, string activity, int fileCount, long? totalBytes)
        {
            this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
            this.throttle = throttle ?? throw new ArgumentNullException(nameof(throttle));
            this.activity = activity ?? throw new ArgumentNullException(nameof(activity));
            this.fileCount = fileCount;
            this.totalBytes = totalBytes;
            started = clock.UtcNow;
        }

        private bool IsBatch => fileCount > 1;

        public ProgressBarUpdate? StartFile(string displayName) => StartFile(displayName, 0);

        public ProgressBarUpdate? Report(FtpTransferProgress progress) => Report(progress, 0);

        public ProgressBarUpdate? FinishFile(long bytes) => FinishFile(bytes, 0);

        /// <param name="lane">The connection moving the file, for parallel transfers (0 otherwise).</param>
        public ProgressBarUpdate? StartFile(string displayName, int lane)
        {
            fileNumber++;
            currentFile = displayName ?? string.Empty;
            currentLane = lane;
            inFlight.Remove(lane);
            return DrawIfDue();
        }

        public ProgressBarUpdate? Report(FtpTransferProgress progress, int lane)
        {
            inFlight[lane] = progress ?? throw new ArgumentNullException(nameof(progress));
            return DrawIfDue();
        }

        public ProgressBarUpdate? FinishFile(long bytes, int lane)
        {
            bytesBeforeCurrentFile += bytes;
            inFlight.Remove(lane);
            return IsBatch ? DrawIfDue() : null;
        }

        private FtpTransferProgress? CurrentProgress => inFlight.TryGetValue(currentLane, out var progress) ? progress : null;

        /// <summary>How long writing the last update took: a slow terminal makes the bar redraw less often.</summary>
        public void DrawTook(TimeSpan duration) => throttle.DrawTook(duration);

        /// <summary>The removal of the bar when it was drawn; called when the command ends, also after an error. Later calls return null.</summary>
        public ProgressBarUpdate? Finish()
        {
            if (finished) return null;
            finished = true;
            return drawn ? ProgressBarUpdate.Removed(IsBatch ? activity : FileActivity()) : null;
        }

        private ProgressBarUpdate? DrawIfDue()
        {
            if (finished || !throttle.TryTake()) return null;
            drawn = true;
            return IsBatch ? BatchBar() : FileBar();
        }

        private ProgressBarUpdate BatchBar()
        {
            var done = bytesBeforeCurrentFile + inFlight.Values.Sum(p => p.BytesTransferred);
            var elapsed = clock.UtcNow - started;
            var rate = elapsed > TimeSpan.Zero ? done / elapsed.TotalSeconds : 0;
            var status = TransferStatusText.DescribeBatch(Math.Max(1, fileNumber), fileCount, done, totalBytes);
            if (rate > 0) status += " at " + TransferStatusText.FormatBytes((long)rate) + "/s";
            var percent = totalBytes is long total && total > 0
                ? (int)Math.Min(100, Math.Max(0, done) * 100 / total)
                : (int)Math.Min(100, Math.Max(0, fileNumber - 1) * 100L / fileCount);
            int? secondsLeft = totalBytes is long all && rate > 0 ? SecondsFrom(Math.Max(0, all - done) / rate) : (int?)null;
            var currentProgress = CurrentProgress;
            var current = currentProgress is null ? currentFile : currentFile + ": " + TransferStatusText.Describe(currentProgress);
            var others = inFlight.Keys.Count(lane => lane != currentLane);
            if (others > 0) current += " (and " + others + " more at once)";
            return ProgressBarUpdate.Drawn(activity, status, current, percent, secondsLeft);
        }

        private ProgressBarUpdate FileBar()
        {
            var currentProgress = CurrentProgress;
            if (currentProgress is null) return ProgressBarUpdate.Drawn(FileActivity(), "Starting", null, null, null);
            int? secondsLeft = currentProgress.TimeRemaining is TimeSpan remaining ? SecondsFrom(remaining.TotalSeconds) : (int?)null;
            return ProgressBarUpdate.Drawn(FileActivity(), TransferStatusText.Describe(currentProgress), currentProgress.RemotePath, currentProgress.PercentComplete, secondsLeft);
        }

        private string FileActivity() => activity + " " + currentFile;

        private static int SecondsFrom(double seconds) => (int)Math.Min(int.MaxValue, Math.Ceiling(seconds));
    }
}

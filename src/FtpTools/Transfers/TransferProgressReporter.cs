using System;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Progress;

namespace FtpTools
{
    /// <summary>
    /// Shows a transfer command with Write-Progress: one bar (the batch, or the single file), drawn after 1 s at the
    /// earliest, then at most every 250 ms, and removed once by Complete; TransferProgressTracker decides what and when.
    /// Each WriteProgress can make pwsh's console host query the terminal and wait for the answer, so the time a draw
    /// took slows the redraws.
    /// Every call must come on the pipeline thread: serial transfers report there, and parallel workers' reports reach it
    /// through the scheduler (ParallelTransferScheduler.Progress, TransferLane.Post), one lane per connection.
    /// </summary>
    internal sealed class TransferProgressReporter : IProgress<FtpTransferProgress>
    {
        private const int ActivityId = 0x4654;

        private readonly Cmdlet cmdlet;
        private readonly IFtpClock clock;
        private readonly TransferProgressTracker tracker;

        public TransferProgressReporter(Cmdlet cmdlet, IFtpClock clock, string activity, int fileCount, long? totalBytes)
        {
            this.cmdlet = cmdlet;
            this.clock = clock;
            var throttle = new ProgressThrottle(clock, ProgressThrottle.DefaultFirstDraw, ProgressThrottle.DefaultInterval);
            tracker = new TransferProgressTracker(clock, throttle, activity, fileCount, totalBytes);
        }

        public void StartFile(string displayName) => Write(tracker.StartFile(displayName));

        public void Report(FtpTransferProgress value) => Write(tracker.Report(value));

        public void FinishFile(long bytes) => Write(tracker.FinishFile(bytes));

        public void StartFile(int lane, string displayName) => Write(tracker.StartFile(displayName, lane));

        public void Report(int lane, FtpTransferProgress value) => Write(tracker.Report(value, lane));

        public void FinishFile(int lane, long bytes) => Write(tracker.FinishFile(bytes, lane));

        /// <summary>Removes the bar if it was drawn; call once in a finally. Writes nothing while the pipeline is stopping (it could not).</summary>
        public void Complete()
        {
            var removal = tracker.Finish();
            if (removal != null && !cmdlet.Stopping) Write(removal);
        }

        private void Write(ProgressBarUpdate? update)
        {
            if (update is null) return;
            var record = new ProgressRecord(ActivityId, update.Activity, update.Status);
            if (update.Completed) record.RecordType = ProgressRecordType.Completed;
            if (update.CurrentOperation != null) record.CurrentOperation = update.CurrentOperation;
            if (update.PercentComplete is int percent) record.PercentComplete = percent;
            if (update.SecondsRemaining is int seconds) record.SecondsRemaining = seconds;
            var before = clock.UtcNow;
            cmdlet.WriteProgress(record);
            tracker.DrawTook(clock.UtcNow - before);
        }
    }
}

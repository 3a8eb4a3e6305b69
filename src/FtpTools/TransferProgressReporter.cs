using System;
using System.Diagnostics;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Shows transfers with Write-Progress: a bar per file and, when there are several files, a parent bar for the batch.
    /// The engine reports on the pipeline thread, so WriteProgress may be called directly (System.Progress would post elsewhere).
    /// </summary>
    internal sealed class TransferProgressReporter : IProgress<FtpTransferProgress>
    {
        private const int BatchActivityId = 0x4654;
        private const int FileActivityId = 0x4655;
        private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(250);

        private readonly Cmdlet cmdlet;
        private readonly string activity;
        private readonly int fileCount;
        private readonly long? totalBytes;
        private readonly Stopwatch sinceLastWrite = new Stopwatch();
        private long bytesBeforeCurrentFile;
        private int fileNumber;
        private string currentFile = string.Empty;

        public TransferProgressReporter(Cmdlet cmdlet, string activity, int fileCount, long? totalBytes)
        {
            this.cmdlet = cmdlet;
            this.activity = activity;
            this.fileCount = fileCount;
            this.totalBytes = totalBytes;
        }

        private bool ShowsBatch => fileCount > 1;

        public void StartFile(string displayName)
        {
            fileNumber++;
            currentFile = displayName;
            sinceLastWrite.Reset();
            if (ShowsBatch) WriteBatch(bytesBeforeCurrentFile);
        }

        public void Report(FtpTransferProgress value)
        {
            var finished = value.TotalBytes is long total && value.BytesTransferred >= total;
            if (sinceLastWrite.IsRunning && sinceLastWrite.Elapsed < MinimumInterval && !finished) return;
            sinceLastWrite.Restart();

            var record = new ProgressRecord(FileActivityId, activity + " " + currentFile, TransferStatusText.Describe(value))
            {
                CurrentOperation = value.RemotePath,
            };
            if (value.PercentComplete is int percent) record.PercentComplete = percent;
            if (value.TimeRemaining is TimeSpan remaining) record.SecondsRemaining = (int)Math.Min(int.MaxValue, Math.Ceiling(remaining.TotalSeconds));
            if (ShowsBatch)
            {
                record.ParentActivityId = BatchActivityId;
                WriteBatch(bytesBeforeCurrentFile + value.BytesTransferred);
            }

            cmdlet.WriteProgress(record);
        }

        public void FinishFile(long bytes)
        {
            bytesBeforeCurrentFile += bytes;
            cmdlet.WriteProgress(new ProgressRecord(FileActivityId, activity + " " + currentFile, "Done") { RecordType = ProgressRecordType.Completed });
        }

        public void Complete()
        {
            if (ShowsBatch)
                cmdlet.WriteProgress(new ProgressRecord(BatchActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void WriteBatch(long bytesDone)
        {
            var record = new ProgressRecord(BatchActivityId, activity, TransferStatusText.DescribeBatch(fileNumber, fileCount, bytesDone, totalBytes));
            record.PercentComplete = totalBytes is long total && total > 0
                ? (int)Math.Min(100, bytesDone * 100 / total)
                : (int)Math.Min(100, (fileNumber - 1) * 100L / fileCount);
            cmdlet.WriteProgress(record);
        }
    }
}

using System;
using System.Diagnostics;
using FtpTools.Engine;

namespace FtpTools.Sftp
{
    /// <summary>Counts a transfer's bytes and reports progress with the first chunk, then at most four times a second, and once at the end.</summary>
    internal sealed class TransferMeter
    {
        private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

        private readonly string remotePath;
        private readonly long? totalBytes;
        private readonly IProgress<FtpTransferProgress>? progress;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private TimeSpan lastReport = -ReportInterval;

        public TransferMeter(string remotePath, long startingBytes, long? totalBytes, IProgress<FtpTransferProgress>? progress)
        {
            this.remotePath = remotePath;
            this.totalBytes = totalBytes;
            this.progress = progress;
            BytesTransferred = startingBytes;
        }

        /// <summary>Counting the starting offset of a resumed transfer, as FtpTransferProgress does.</summary>
        public long BytesTransferred { get; private set; }

        public void Advance(int bytes)
        {
            BytesTransferred += bytes;
            var now = clock.Elapsed;
            if (progress is null || now - lastReport < ReportInterval) return;
            lastReport = now;
            progress.Report(new FtpTransferProgress(remotePath, BytesTransferred, totalBytes, now));
        }

        public void Complete() => progress?.Report(new FtpTransferProgress(remotePath, BytesTransferred, totalBytes, clock.Elapsed));
    }
}

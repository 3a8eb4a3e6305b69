using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>
    /// Runs beside a transfer's copy loop: reports progress (at most a few times a second) and sends NOOP on the idle
    /// control connection every keepalive interval so firewalls and NAT do not drop it during a long transfer.
    /// </summary>
    internal sealed class TransferMonitor
    {
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        private readonly ControlConnection control;
        private readonly IFtpClock clock;
        private readonly TimeSpan keepAliveInterval;
        private readonly IProgress<FtpTransferProgress>? progress;
        private readonly string remotePath;
        private readonly long? totalBytes;
        private readonly DateTimeOffset started;
        private DateTimeOffset lastKeepAlive;
        private DateTimeOffset lastProgress;

        public TransferMonitor(ControlConnection control, IFtpClock clock, TimeSpan keepAliveInterval, IProgress<FtpTransferProgress>? progress, string remotePath, long startingBytes, long? totalBytes)
        {
            this.control = control;
            this.clock = clock;
            this.keepAliveInterval = keepAliveInterval;
            this.progress = progress;
            this.remotePath = remotePath;
            this.totalBytes = totalBytes;
            BytesTransferred = startingBytes;
            started = lastKeepAlive = lastProgress = clock.UtcNow;
        }

        public long BytesTransferred { get; private set; }

        /// <summary>The size the transfer should reach, when known (the file's size, or the 150 reply's "(N bytes)").</summary>
        public long? TotalBytes => totalBytes;

        /// <summary>"1024 bytes", or "1024 of 4096 bytes" when the total is known.</summary>
        public string Describe() => totalBytes is long total ? BytesTransferred + " of " + total + " bytes" : BytesTransferred + " bytes";

        /// <summary>NOOPs sent whose replies are still to be read after the transfer's final reply.</summary>
        public int KeepAlivesSent { get; private set; }

        [MethodImpl(HotPath.Optimized)]
        public void Advance(int bytes, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BytesTransferred += bytes;
            var now = clock.UtcNow;
            if (keepAliveInterval > TimeSpan.Zero && now - lastKeepAlive >= keepAliveInterval)
            {
                control.Send("NOOP", cancellationToken);
                KeepAlivesSent++;
                lastKeepAlive = now;
            }

            if (progress != null && now - lastProgress >= ProgressInterval)
            {
                lastProgress = now;
                progress.Report(new FtpTransferProgress(remotePath, BytesTransferred, totalBytes, now - started));
            }
        }

        public void Complete() => progress?.Report(new FtpTransferProgress(remotePath, BytesTransferred, totalBytes, clock.UtcNow - started));
    }
}

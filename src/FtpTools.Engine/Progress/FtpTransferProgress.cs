using System;

namespace FtpTools.Engine
{
    /// <summary>Reported during a transfer through IProgress&lt;FtpTransferProgress&gt;.</summary>
    public sealed class FtpTransferProgress
    {
        public FtpTransferProgress(string remotePath, long bytesTransferred, long? totalBytes, TimeSpan elapsed)
        {
            RemotePath = remotePath;
            BytesTransferred = bytesTransferred;
            TotalBytes = totalBytes;
            Elapsed = elapsed;
        }

        public string RemotePath { get; }

        /// <summary>Bytes moved so far, counting a resumed transfer's starting offset.</summary>
        public long BytesTransferred { get; }

        public long? TotalBytes { get; }

        public TimeSpan Elapsed { get; }

        public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? BytesTransferred / Elapsed.TotalSeconds : 0;

        public int? PercentComplete => TotalBytes is long total && total > 0 ? (int)Math.Min(100, BytesTransferred * 100 / total) : (int?)null;

        public TimeSpan? TimeRemaining =>
            TotalBytes is long total && BytesPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - BytesTransferred) / BytesPerSecond) : (TimeSpan?)null;
    }
}

using System;

namespace FtpTools.Engine.Files
{
    /// <summary>What one download to a local file, or one upload from it, did.</summary>
    public sealed class LocalTransferResult
    {
        public LocalTransferResult(LocalTransferOutcome outcome, string reason, long startOffset, long bytesTransferred, DateTimeOffset? modificationTime)
        {
            Outcome = outcome;
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
            StartOffset = startOffset;
            BytesTransferred = bytesTransferred;
            ModificationTime = modificationTime;
        }

        public LocalTransferOutcome Outcome { get; }

        /// <summary>Why the -IfExists decision was what it was ("new file", "resuming at byte 10 of 20", ...), as shown with -Verbose.</summary>
        public string Reason { get; }

        /// <summary>Where in the file the bytes of this transfer started: 0 unless resumed.</summary>
        public long StartOffset { get; }

        /// <summary>Bytes that went over the data connection in this transfer.</summary>
        public long BytesTransferred { get; }

        /// <summary>The modification time given to the target (the local file of a download, the remote file of an upload); null when none was set.</summary>
        public DateTimeOffset? ModificationTime { get; }

        public bool WasSkipped => Outcome == LocalTransferOutcome.Skipped;

        /// <summary>How many times the transfer was tried again after a transient failure (0: it worked at the first attempt).</summary>
        public int Retries { get; private set; }

        internal LocalTransferResult WithRetries(int retries)
        {
            Retries = retries;
            return this;
        }

        internal static LocalTransferResult Skipped(string reason) => new LocalTransferResult(LocalTransferOutcome.Skipped, reason, 0, 0, null);
    }
}

using FtpTools.Engine.Synchronizing;

namespace FtpTools
{
    /// <summary>What Sync-FtpItem did, or with -WhatIf would do, for one file or folder.</summary>
    public sealed class FtpSyncResult
    {
        internal FtpSyncResult(SyncAction action, string localPath, string remotePath)
        {
            Action = action.Kind;
            RelativePath = action.RelativePath;
            Length = action.Length;
            Reason = action.Reason;
            LocalPath = localPath;
            RemotePath = remotePath;
        }

        /// <summary>Upload, Download, Delete, Skip or CreateFolder.</summary>
        public SyncActionKind Action { get; }

        /// <summary>'/'-separated below -LocalPath and -RemotePath; "." for the target folder itself.</summary>
        public string RelativePath { get; }

        /// <summary>The source file's length (for a Delete, the deleted file's); null for folders.</summary>
        public long? Length { get; }

        /// <summary>Why this action ("new file", "sizes differ: ...", "same size, same modification time", ...).</summary>
        public string Reason { get; }

        /// <summary>Planned (-WhatIf, or declined at -Confirm: nothing was done), Done or Failed.</summary>
        public FtpSyncStatus Status { get; internal set; } = FtpSyncStatus.Planned;

        /// <summary>The failure's message when Status is Failed (the same failure is also written as an error).</summary>
        public string? Error { get; internal set; }

        /// <summary>How many times the transfer was tried again after a failure.</summary>
        public int Retries { get; internal set; }

        /// <summary>Bytes that went over the connection (less than Length when a transfer continued where an earlier one stopped).</summary>
        public long BytesTransferred { get; internal set; }

        public string LocalPath { get; }

        public string RemotePath { get; }

        public override string ToString() => Action + " " + RelativePath;
    }
}

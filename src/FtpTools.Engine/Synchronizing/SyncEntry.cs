using System;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>A file or folder on one side of a synchronization, by its path below the synchronized folder.</summary>
    public sealed class SyncEntry
    {
        public SyncEntry(string relativePath, bool isFolder, long? length, DateTimeOffset? lastWriteTime, bool timeIsApproximate = false, string? fullPath = null)
        {
            RelativePath = relativePath ?? throw new ArgumentNullException(nameof(relativePath));
            IsFolder = isFolder;
            Length = length;
            LastWriteTime = lastWriteTime;
            TimeIsApproximate = timeIsApproximate;
            FullPath = fullPath ?? relativePath;
        }

        /// <summary>'/'-separated path below the synchronized folder ("sub/file.txt").</summary>
        public string RelativePath { get; }

        public bool IsFolder { get; }

        /// <summary>Null for folders, and for files whose size the server did not tell.</summary>
        public long? Length { get; }

        /// <summary>UTC; null when unknown.</summary>
        public DateTimeOffset? LastWriteTime { get; }

        /// <summary>The time comes from a listing line without seconds (or without a time of day): see SyncTime.</summary>
        public bool TimeIsApproximate { get; }

        /// <summary>The local path, or the remote absolute path.</summary>
        public string FullPath { get; }

        /// <summary>The remote listing entry, for remote files (downloads need it).</summary>
        public FtpListItem? RemoteItem { get; set; }

        public override string ToString() => RelativePath;
    }
}

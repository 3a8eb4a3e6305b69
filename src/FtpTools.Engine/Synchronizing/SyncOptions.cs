using System;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>What a synchronization plan is made with.</summary>
    public sealed class SyncOptions
    {
        /// <summary>Times closer than this are the same: whole-second times (MFMT, SFTP) and FAT's two-second steps stay equal.</summary>
        public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(2);

        public SyncOptions(FtpSyncDirection direction, DateTimeOffset started)
        {
            Direction = direction;
            Started = started;
        }

        public FtpSyncDirection Direction { get; }

        /// <summary>When this run began (UTC): a remote file written later is not taken for an interrupted upload of ours.</summary>
        public DateTimeOffset Started { get; }

        public FtpSyncCompare Compare { get; set; } = FtpSyncCompare.SizeAndTime;

        /// <summary>-Delete: remove what the target has and the source lacks, and let a folder replace a file (and the reverse).</summary>
        public bool Delete { get; set; }

        public PathFilter Filter { get; set; } = PathFilter.None;

        /// <summary>
        /// Whether a transferred file takes the source's modification time: always for downloads; for uploads where the server can
        /// set times (MFMT, SFTP). When it cannot, the remote file shows the time of its upload, so only a source newer than the
        /// target is a change.
        /// </summary>
        public bool TargetKeepsSourceTime { get; set; } = true;

        /// <summary>False when the target folder itself does not exist yet: the plan starts by creating it.</summary>
        public bool TargetRootExists { get; set; } = true;

        public TimeSpan Tolerance { get; set; } = DefaultTolerance;

        internal bool SourceIsRemote => Direction == FtpSyncDirection.Download;
    }
}

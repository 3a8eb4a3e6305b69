namespace FtpTools.Engine.Synchronizing
{
    /// <summary>How Sync-FtpItem decides that a file present on both sides is already the same.</summary>
    public enum FtpSyncCompare
    {
        /// <summary>Same size and same modification time (the default).</summary>
        SizeAndTime,

        /// <summary>Same size.</summary>
        Size,

        /// <summary>Same modification time.</summary>
        Time,

        /// <summary>Same size and the same server-side hash (HASH, XSHA256, ...); without server hashes, SizeAndTime.</summary>
        Hash,
    }
}

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>What the planner may ask beyond the two listings, only for the files where the answer decides something.</summary>
    public interface ISyncLookups
    {
        /// <summary>The exact modification time of a remote file whose listed time is approximate (MDTM); null when the server has none.</summary>
        System.DateTimeOffset? ExactRemoteTime(SyncEntry remote);

        /// <summary>
        /// The two files' hashes by one algorithm the server offers; null when the server offers none (unavailableReason says
        /// why, to be told once). The FtpException family or IOException when one file cannot be hashed.
        /// </summary>
        SyncHashes? Hashes(SyncEntry local, SyncEntry remote, out string? unavailableReason);
    }
}

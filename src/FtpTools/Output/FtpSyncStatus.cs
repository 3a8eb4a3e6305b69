namespace FtpTools
{
    /// <summary>Where one action of Sync-FtpItem stands.</summary>
    public enum FtpSyncStatus
    {
        /// <summary>Not carried out: -WhatIf, or declined at -Confirm.</summary>
        Planned,

        /// <summary>Carried out (for a Skip: nothing needed doing).</summary>
        Done,

        /// <summary>Tried and failed; Error says why.</summary>
        Failed,
    }
}

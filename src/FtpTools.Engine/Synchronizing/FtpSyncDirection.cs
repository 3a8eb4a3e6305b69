namespace FtpTools.Engine.Synchronizing
{
    /// <summary>Which side of a one-way mirror is the source.</summary>
    public enum FtpSyncDirection
    {
        /// <summary>The local folder is the source; the remote folder is made like it.</summary>
        Upload,

        /// <summary>The remote folder is the source; the local folder is made like it.</summary>
        Download,
    }
}

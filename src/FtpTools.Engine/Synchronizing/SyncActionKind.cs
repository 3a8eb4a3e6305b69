namespace FtpTools.Engine.Synchronizing
{
    /// <summary>What one step of a synchronization does.</summary>
    public enum SyncActionKind
    {
        Upload,
        Download,
        Delete,
        Skip,
        CreateFolder,
    }
}

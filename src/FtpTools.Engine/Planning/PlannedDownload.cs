namespace FtpTools.Engine.Planning
{
    /// <summary>One step of a download plan: a file to download, or (Remote null) a local folder to create so empty remote folders are mirrored too.</summary>
    public sealed class PlannedDownload
    {
        public PlannedDownload(FtpListItem? remote, string localPath)
        {
            Remote = remote;
            LocalPath = localPath;
        }

        /// <summary>The remote file; null for a folder step.</summary>
        public FtpListItem? Remote { get; }

        public string LocalPath { get; }

        public bool IsFolder => Remote is null;
    }
}

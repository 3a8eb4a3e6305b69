namespace FtpTools.Engine.Planning
{
    /// <summary>One step of an upload plan: a file to upload, or (LocalPath null) a remote folder to create.</summary>
    public sealed class PlannedUpload
    {
        private PlannedUpload(string? localPath, string remotePath)
        {
            LocalPath = localPath;
            RemotePath = remotePath;
        }

        /// <summary>The local file; null for a folder step.</summary>
        public string? LocalPath { get; }

        public string RemotePath { get; }

        public bool IsFolder => LocalPath is null;

        public static PlannedUpload File(string localPath, string remotePath) => new PlannedUpload(localPath, remotePath);

        public static PlannedUpload Folder(string remotePath) => new PlannedUpload(null, remotePath);
    }
}

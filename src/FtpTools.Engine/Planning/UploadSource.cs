namespace FtpTools.Engine.Planning
{
    /// <summary>A local file, or with -Recurse a local folder, that an upload names at its top level.</summary>
    public sealed class UploadSource
    {
        public UploadSource(string fullPath, bool isFolder)
        {
            FullPath = fullPath;
            IsFolder = isFolder;
        }

        public string FullPath { get; }

        public bool IsFolder { get; }
    }
}

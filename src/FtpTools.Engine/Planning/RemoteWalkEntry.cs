namespace FtpTools.Engine.Planning
{
    /// <summary>One item met while walking a remote tree: Depth 0 is a child of the starting directory.</summary>
    public sealed class RemoteWalkEntry
    {
        public RemoteWalkEntry(FtpListItem item, int depth, string relativePath)
        {
            Item = item;
            Depth = depth;
            RelativePath = relativePath;
        }

        public FtpListItem Item { get; }

        public int Depth { get; }

        /// <summary>The path below the starting directory, '/'-separated ("sub/file.txt").</summary>
        public string RelativePath { get; }
    }
}

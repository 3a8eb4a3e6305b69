namespace FtpTools.Engine.Files
{
    /// <summary>What a file transfer between a local file and the server did.</summary>
    public enum LocalTransferOutcome
    {
        /// <summary>The whole file was sent or received.</summary>
        Transferred,

        /// <summary>The transfer continued from what the target already held (a download's partial file, or the remote file's length).</summary>
        Resumed,

        /// <summary>An upload with -IfExists Append: APPE added the local file to the remote one (creating it when there was none).</summary>
        Appended,

        /// <summary>A download's partial file already held every byte: it was only renamed to its final name.</summary>
        CompletedFromPartial,

        /// <summary>Nothing was transferred; the reason says why.</summary>
        Skipped,
    }
}

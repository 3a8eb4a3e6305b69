namespace FtpTools.Engine
{
    /// <summary>
    /// Receives a directory listing as it is read, one entry at a time, so a listing of a million entries never has to be held
    /// in memory. Called on the thread that asked for the listing. An exception thrown here stops the listing: the data
    /// connection is closed, the session brought back in step, and the exception passes on unchanged. A command sent on the same
    /// connection from inside these calls (a pipeline acting on each entry) works: FtpClient first reads the rest of the listing
    /// into memory as text and ends its transfer, then hands out the remaining entries after the command.
    /// </summary>
    public interface IFtpListingVisitor
    {
        /// <summary>An entry, never "." or "..", its name already accepted by <see cref="RemoteNameGuard"/>.</summary>
        void Item(FtpListItem item);

        /// <summary>A line no parser understood (never dropped silently).</summary>
        void UnparsedLine(string line);

        /// <summary>An entry whose name <see cref="RemoteNameGuard"/> refused; it is not passed to Item.</summary>
        void RefusedEntry(FtpRefusedEntry entry);
    }
}

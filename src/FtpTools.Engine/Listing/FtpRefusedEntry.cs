namespace FtpTools.Engine
{
    /// <summary>An entry a listing named but <see cref="RemoteNameGuard"/> refused: it is not among the listing's items.</summary>
    public sealed class FtpRefusedEntry
    {
        public FtpRefusedEntry(string name, string reason, string? rawLine)
        {
            Name = name;
            Reason = reason;
            RawLine = rawLine;
        }

        /// <summary>The name as the server sent it (it may hold control characters; show it with RemoteNameGuard.Printable).</summary>
        public string Name { get; }

        /// <summary>Why it was refused ("it contains '/', ...").</summary>
        public string Reason { get; }

        /// <summary>The listing line it came from, when there is one.</summary>
        public string? RawLine { get; }
    }
}

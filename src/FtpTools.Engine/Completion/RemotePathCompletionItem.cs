namespace FtpTools.Engine.Completion
{
    /// <summary>One remote path offered for completion.</summary>
    public sealed class RemotePathCompletionItem
    {
        public RemotePathCompletionItem(string completionText, string listItemText, string fullName, bool isFolder)
        {
            CompletionText = completionText;
            ListItemText = listItemText;
            FullName = fullName;
            IsFolder = isFolder;
        }

        /// <summary>What replaces the word typed: quoted and escaped as the parameter needs.</summary>
        public string CompletionText { get; }

        /// <summary>The entry's name as the menu shows it, with '/' after a folder.</summary>
        public string ListItemText { get; }

        public string FullName { get; }

        public bool IsFolder { get; }
    }
}

using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>One step of a synchronization plan.</summary>
    public sealed class SyncAction
    {
        public const string RootPath = ".";

        public SyncAction(SyncActionKind kind, string relativePath, string reason, SyncEntry? source, SyncEntry? target)
        {
            Kind = kind;
            RelativePath = relativePath;
            Reason = reason;
            Source = source;
            Target = target;
        }

        public SyncActionKind Kind { get; }

        /// <summary>'/'-separated below the synchronized folders; "." for the target folder itself.</summary>
        public string RelativePath { get; }

        /// <summary>Why this step, in words ("new file", "sizes differ: 10 and 12 bytes", ...).</summary>
        public string Reason { get; }

        /// <summary>The source's entry (null for a Delete, and for a CreateFolder of the target folder itself).</summary>
        public SyncEntry? Source { get; }

        /// <summary>The target's entry when the target has one.</summary>
        public SyncEntry? Target { get; }

        public bool IsFolder => (Source ?? Target)?.IsFolder ?? Kind == SyncActionKind.CreateFolder;

        /// <summary>The source file's length for transfers and skips, the target file's for deletes; null for folders.</summary>
        public long? Length => IsFolder ? null : Kind == SyncActionKind.Delete ? Target?.Length : Source?.Length;

        /// <summary>How LocalFileTransfers is asked: Resume continues (an upload from the remote length, a download from its partial file).</summary>
        public FtpIfExists IfExists { get; set; } = FtpIfExists.Overwrite;

        /// <summary>A download whose ".ftptools-partial" file must not be continued (the remote file changed since): it is deleted first.</summary>
        public bool DiscardPartial { get; set; }

        /// <summary>Set when the step cannot be done without -Delete (a folder where the source has a file, or the reverse): it fails with this.</summary>
        public string? Blocked { get; set; }

        public override string ToString() => Kind + " " + RelativePath + ": " + Reason;
    }
}

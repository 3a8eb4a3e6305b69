namespace FtpTools.Engine.Planning
{
    public enum TransferAction
    {
        Transfer,
        Skip,
        Fail,

        /// <summary>A download's partial file already holds every byte: only the rename is left.</summary>
        CompletePartial,
    }

    /// <summary>What to do with one file and why (the reason is shown with -Verbose).</summary>
    public sealed class TransferDecision
    {
        public TransferDecision(TransferAction action, string reason, long restartOffset = 0, FtpUploadMode uploadMode = FtpUploadMode.Overwrite)
        {
            Action = action;
            Reason = reason;
            RestartOffset = restartOffset;
            UploadMode = uploadMode;
        }

        public TransferAction Action { get; }

        public string Reason { get; }

        /// <summary>Downloads: where in the remote file to start (REST).</summary>
        public long RestartOffset { get; }

        /// <summary>Uploads: STOR, APPE or resume.</summary>
        public FtpUploadMode UploadMode { get; }
    }
}

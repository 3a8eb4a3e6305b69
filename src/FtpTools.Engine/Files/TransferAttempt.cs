namespace FtpTools.Engine.Files
{
    /// <summary>What the retry loop of one file transfer knows about its attempts so far.</summary>
    internal sealed class TransferAttempt
    {
        /// <summary>Retries made so far (0 during the first attempt).</summary>
        public int Retries { get; set; }

        /// <summary>This attempt got past the -IfExists decision and began to move bytes.</summary>
        public bool Started { get; set; }

        /// <summary>FileStarted was called: once per file, however many attempts it takes.</summary>
        public bool Announced { get; set; }

        /// <summary>Downloads: an earlier attempt began writing the partial file, so this one continues from it.</summary>
        public bool ContinuePartial { get; set; }

        /// <summary>Downloads: keep the partial file when this attempt fails (another attempt follows, or -IfExists Resume).</summary>
        public bool KeepPartial { get; set; }
    }
}

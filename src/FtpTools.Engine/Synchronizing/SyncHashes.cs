namespace FtpTools.Engine.Synchronizing
{
    /// <summary>A local and a remote file's hash by the same algorithm (upper-case hexadecimal).</summary>
    public sealed class SyncHashes
    {
        public SyncHashes(FtpHashAlgorithm algorithm, string local, string remote)
        {
            Algorithm = algorithm;
            Local = local;
            Remote = remote;
        }

        public FtpHashAlgorithm Algorithm { get; }

        public string Local { get; }

        public string Remote { get; }

        public bool AreEqual => string.Equals(Local, Remote, System.StringComparison.OrdinalIgnoreCase);
    }
}

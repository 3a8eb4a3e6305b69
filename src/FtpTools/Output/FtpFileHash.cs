namespace FtpTools
{
    /// <summary>A hash the server computed, shaped like Get-FileHash output so the two compare directly.</summary>
    public sealed class FtpFileHash
    {
        public FtpFileHash(string algorithm, string hash, string path)
        {
            Algorithm = algorithm;
            Hash = hash;
            Path = path;
        }

        public string Algorithm { get; }

        /// <summary>Upper-case hexadecimal.</summary>
        public string Hash { get; }

        /// <summary>The remote full path.</summary>
        public string Path { get; }

        public override string ToString() => Hash;
    }
}

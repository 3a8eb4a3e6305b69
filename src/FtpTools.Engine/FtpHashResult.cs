namespace FtpTools.Engine
{
    /// <summary>A hash the server computed (HASH or XSHA256/XSHA1/XMD5/XCRC).</summary>
    public sealed class FtpHashResult
    {
        public FtpHashResult(FtpHashAlgorithm algorithm, string hash, string path, string command)
        {
            Algorithm = algorithm;
            Hash = hash;
            Path = path;
            Command = command;
        }

        public FtpHashAlgorithm Algorithm { get; }

        /// <summary>Upper-case hexadecimal, as Get-FileHash shows it.</summary>
        public string Hash { get; }

        public string Path { get; }

        /// <summary>The command that produced it (HASH, XSHA256, ...).</summary>
        public string Command { get; }
    }
}

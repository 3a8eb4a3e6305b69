using System;
using System.IO;
using System.Security.Cryptography;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>A local file's hash by the algorithm a server used, in upper-case hexadecimal like the server's.</summary>
    public static class LocalFileHash
    {
        public static string Compute(string path, FtpHashAlgorithm algorithm)
        {
            using (var hasher = Create(algorithm))
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                return BitConverter.ToString(hasher.ComputeHash(stream)).Replace("-", string.Empty);
            }
        }

        private static HashAlgorithm Create(FtpHashAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case FtpHashAlgorithm.SHA256: return SHA256.Create();
                case FtpHashAlgorithm.SHA1: return SHA1.Create();
                case FtpHashAlgorithm.SHA512: return SHA512.Create();
                case FtpHashAlgorithm.MD5: return MD5.Create();
                case FtpHashAlgorithm.CRC32: return new Crc32();
                default: throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
            }
        }
    }
}

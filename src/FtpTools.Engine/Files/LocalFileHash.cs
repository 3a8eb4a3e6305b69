using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;

namespace FtpTools.Engine.Files
{
    /// <summary>A local file's hash in the form a server's HASH/XSHA*/XMD5/XCRC reply has: upper-case hexadecimal.</summary>
    public static class LocalFileHash
    {
        public static string Compute(string path, FtpHashAlgorithm algorithm, CancellationToken cancellationToken)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920))
            using (var hash = Create(algorithm))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    hash.TransformBlock(buffer, 0, read, null, 0);
                }

                hash.TransformFinalBlock(buffer, 0, 0);
                return BitConverter.ToString(hash.Hash).Replace("-", string.Empty);
            }
        }

        private static HashAlgorithm Create(FtpHashAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case FtpHashAlgorithm.SHA256: return SHA256.Create();
                case FtpHashAlgorithm.SHA512: return SHA512.Create();
                case FtpHashAlgorithm.SHA1: return SHA1.Create();
                case FtpHashAlgorithm.MD5: return MD5.Create();
                case FtpHashAlgorithm.CRC32: return new Crc32();
                default: throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
            }
        }

        /// <summary>CRC-32 (IEEE 802.3, as XCRC and HASH CRC32 use), which .NET Standard 2.0 does not have.</summary>
        private sealed class Crc32 : HashAlgorithm
        {
            private static readonly uint[] Table = BuildTable();
            private uint crc = 0xFFFFFFFF;

            public Crc32() => HashSizeValue = 32;

            public override void Initialize() => crc = 0xFFFFFFFF;

            protected override void HashCore(byte[] array, int ibStart, int cbSize)
            {
                for (var i = ibStart; i < ibStart + cbSize; i++) crc = Table[(crc ^ array[i]) & 0xFF] ^ (crc >> 8);
            }

            protected override byte[] HashFinal()
            {
                var value = ~crc;
                return new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
            }

            private static uint[] BuildTable()
            {
                var table = new uint[256];
                for (uint n = 0; n < 256; n++)
                {
                    var c = n;
                    for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                    table[n] = c;
                }

                return table;
            }
        }
    }
}

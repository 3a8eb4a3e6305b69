using System;
using System.Security.Cryptography;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>CRC-32 (IEEE 802.3, as XCRC reports it) as a HashAlgorithm, since .NET has none built in.</summary>
    internal sealed class Crc32 : HashAlgorithm
    {
        private static readonly uint[] Table = BuildTable();
        private uint crc = 0xFFFFFFFF;

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

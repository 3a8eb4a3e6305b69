using System;
using System.IO;

namespace FtpTools.Engine
{
    /// <summary>
    /// Under an SslStream: reads from the network in large blocks and hands them out as asked, so a TLS download takes one
    /// receive call per few records instead of about two per 16 KiB record. Writes go straight through, unbuffered, so a
    /// handshake message or an upload is never held back.
    /// </summary>
    internal sealed class ReadAheadStream : PassThroughStream
    {
        private readonly byte[] buffer;
        private int start;
        private int end;

        public ReadAheadStream(Stream inner, int size)
            : base(inner, ownsInner: true)
        {
            buffer = new byte[size];
        }

        /// <summary>Bytes received and not yet read.</summary>
        public int Buffered => end - start;

        public override int Read(byte[] destination, int offset, int count)
        {
            if (count == 0) return 0;
            if (start == end)
            {
                // A request as large as the buffer gains nothing from it.
                if (count >= buffer.Length) return Inner.Read(destination, offset, count);
                start = 0;
                end = Inner.Read(buffer, 0, buffer.Length);
                if (end == 0) return 0;
            }

            var taken = Math.Min(count, end - start);
            Buffer.BlockCopy(buffer, start, destination, offset, taken);
            start += taken;
            return taken;
        }
    }
}

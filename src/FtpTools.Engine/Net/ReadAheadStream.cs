using System;
using System.IO;

namespace FtpTools.Engine
{
    /// <summary>
    /// Under an SslStream: reads from the network in large blocks and hands them out as asked, so a TLS download takes one
    /// receive call per few records instead of about two per 16 KiB record. Writes go straight through, unbuffered, so a
    /// handshake message or an upload is never held back.
    /// </summary>
    internal sealed class ReadAheadStream : Stream
    {
        private readonly Stream inner;
        private readonly byte[] buffer;
        private int start;
        private int end;

        public ReadAheadStream(Stream inner, int size)
        {
            this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
            buffer = new byte[size];
        }

        /// <summary>Bytes received and not yet read.</summary>
        public int Buffered => end - start;

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] destination, int offset, int count)
        {
            if (count == 0) return 0;
            if (start == end)
            {
                // A request as large as the buffer gains nothing from it.
                if (count >= buffer.Length) return inner.Read(destination, offset, count);
                start = 0;
                end = inner.Read(buffer, 0, buffer.Length);
                if (end == 0) return 0;
            }

            var taken = Math.Min(count, end - start);
            Buffer.BlockCopy(buffer, start, destination, offset, taken);
            start += taken;
            return taken;
        }

        public override void Write(byte[] source, int offset, int count) => inner.Write(source, offset, count);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

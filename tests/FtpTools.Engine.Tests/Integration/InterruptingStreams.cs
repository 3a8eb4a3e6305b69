using System;
using System.IO;

namespace FtpTools.Engine.Tests.Integration
{
    /// <summary>A destination that fails after a number of bytes, like a disk that fills up or a process that is stopped.</summary>
    internal sealed class FailingWriteStream : Stream
    {
        private readonly Stream inner;
        private readonly long failAfter;

        public FailingWriteStream(Stream inner, long failAfter)
        {
            this.inner = inner;
            this.failAfter = failAfter;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            var room = (int)Math.Min(count, failAfter - inner.Length);
            if (room > 0) inner.Write(buffer, offset, room);
            if (room < count) throw new IOException("simulated failure while writing the download");
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>An upload source that fails after a number of bytes, like a network share that goes away.</summary>
    internal sealed class FailingReadStream : Stream
    {
        private readonly byte[] data;
        private readonly long failAfter;
        private long position;

        public FailingReadStream(byte[] data, long failAfter)
        {
            this.data = data;
            this.failAfter = failAfter;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => position; set => position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position >= failAfter) throw new IOException("simulated failure while reading the upload source");
            var n = (int)Math.Min(count, Math.Min(data.Length - position, failAfter - position));
            Buffer.BlockCopy(data, (int)position, buffer, offset, n);
            position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => position = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.Current ? position + offset : data.Length + offset;
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

namespace FtpTools.Engine.Tests.Integration
{
    /// <summary>A destination that requests cancellation once it has received a number of bytes, like Ctrl+C during a download.</summary>
    internal sealed class CancellingWriteStream : System.IO.MemoryStream
    {
        private readonly System.Threading.CancellationTokenSource cancellation;
        private readonly long cancelAfter;

        public CancellingWriteStream(System.Threading.CancellationTokenSource cancellation, long cancelAfter)
        {
            this.cancellation = cancellation;
            this.cancelAfter = cancelAfter;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            if (Length >= cancelAfter) cancellation.Cancel();
        }
    }
}

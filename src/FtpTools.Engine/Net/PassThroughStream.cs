using System;
using System.IO;

namespace FtpTools.Engine
{
    /// <summary>
    /// A forward-only stream over another that passes reads, writes and flushes through; a subclass overrides what it adds.
    /// Seeking, Length and Position are not supported: every wrapper sits on a socket or a transfer's local stream.
    /// </summary>
    internal abstract class PassThroughStream : Stream
    {
        private readonly bool ownsInner;

        protected PassThroughStream(Stream inner, bool ownsInner)
        {
            Inner = inner ?? throw new ArgumentNullException(nameof(inner));
            this.ownsInner = ownsInner;
        }

        protected Stream Inner { get; }

        public override bool CanRead => Inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => Inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);

        public override void Flush() => Inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsInner) Inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

using System.IO;

namespace FtpTools.Engine
{
    /// <summary>The local stream of a transfer, whose IOExceptions become LocalStreamExceptions so they are not taken for network faults.</summary>
    internal sealed class LocalStreamGuard : Stream
    {
        private readonly Stream inner;
        private readonly string what;

        public LocalStreamGuard(Stream inner, string what)
        {
            this.inner = inner;
            this.what = what;
        }

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new System.NotSupportedException();

        public override long Position
        {
            get => throw new System.NotSupportedException();
            set => throw new System.NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => LocalStreamException.Guard(what, () => inner.Read(buffer, offset, count));

        public override void Write(byte[] buffer, int offset, int count) => LocalStreamException.Guard(what, () =>
        {
            inner.Write(buffer, offset, count);
            return count;
        });

        public override void Flush() => LocalStreamException.Guard(what, () =>
        {
            inner.Flush();
            return 0;
        });

        public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();

        public override void SetLength(long value) => throw new System.NotSupportedException();
    }
}

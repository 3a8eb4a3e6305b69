using System;
using System.IO;
using System.Threading;

namespace FtpTools.Sftp
{
    /// <summary>
    /// Wraps the caller's local stream for SSH.NET's transfer loops: checks the cancellation token before every chunk,
    /// counts and reports progress, and remembers a failure of the local stream itself so it is not mistaken for the
    /// server's (a full disk is not a lost connection).
    /// </summary>
    internal abstract class ObservedStream : Stream
    {
        private readonly Stream inner;
        private readonly TransferMeter meter;
        private readonly CancellationToken cancellationToken;

        protected ObservedStream(Stream inner, TransferMeter meter, CancellationToken cancellationToken)
        {
            this.inner = inner;
            this.meter = meter;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Bytes that went through this wrapper.</summary>
        public long Count { get; private set; }

        public Exception? LocalFailure { get; private set; }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => Local(() => inner.Flush());

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected int ReadChunk(byte[] buffer, int offset, int count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = Local(() => inner.Read(buffer, offset, count));
            Moved(read);
            return read;
        }

        protected void WriteChunk(byte[] buffer, int offset, int count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Local(() => inner.Write(buffer, offset, count));
            Moved(count);
        }

        private void Moved(int bytes)
        {
            Count += bytes;
            meter.Advance(bytes);
        }

        private T Local<T>(Func<T> operation)
        {
            try
            {
                return operation();
            }
            catch (Exception exception) when (!(exception is OperationCanceledException))
            {
                LocalFailure = exception;
                throw;
            }
        }

        private void Local(Action operation) => Local(() =>
        {
            operation();
            return 0;
        });
    }

    /// <summary>The local source of an upload.</summary>
    internal sealed class ObservedReadStream : ObservedStream
    {
        public ObservedReadStream(Stream source, TransferMeter meter, CancellationToken cancellationToken)
            : base(source, meter, cancellationToken)
        {
        }

        public override bool CanRead => true;

        public override bool CanWrite => false;

        public override int Read(byte[] buffer, int offset, int count) => ReadChunk(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The local destination of a download.</summary>
    internal sealed class ObservedWriteStream : ObservedStream
    {
        public ObservedWriteStream(Stream destination, TransferMeter meter, CancellationToken cancellationToken)
            : base(destination, meter, cancellationToken)
        {
        }

        public override bool CanRead => false;

        public override bool CanWrite => true;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => WriteChunk(buffer, offset, count);
    }
}

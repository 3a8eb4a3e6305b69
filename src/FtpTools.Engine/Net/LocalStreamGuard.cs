using System;
using System.IO;

namespace FtpTools.Engine
{
    /// <summary>
    /// Wraps the local side of a transfer so that its failures (disk full, a file locked or gone) are told apart from the
    /// network's: they become an FtpException that is not transient, since trying the transfer again cannot help.
    /// </summary>
    internal sealed class LocalStreamGuard : Stream
    {
        private readonly Stream inner;

        public LocalStreamGuard(Stream inner) => this.inner = inner;

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (Exception exception) when (IsLocalFailure(exception))
            {
                throw Failed("reading", exception);
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                inner.Write(buffer, offset, count);
            }
            catch (Exception exception) when (IsLocalFailure(exception))
            {
                throw Failed("writing", exception);
            }
        }

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private static bool IsLocalFailure(Exception exception) =>
            exception is IOException || exception is UnauthorizedAccessException || exception is NotSupportedException || exception is ObjectDisposedException;

        private static FtpException Failed(string doing, Exception exception) =>
            new FtpException("The local stream failed while " + doing + ": " + exception.Message, FtpPhase.Transfer, isTransient: false, innerException: exception);
    }
}

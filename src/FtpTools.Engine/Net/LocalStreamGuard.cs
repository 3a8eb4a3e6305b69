using System.IO;

namespace FtpTools.Engine
{
    /// <summary>The local stream of a transfer, whose IOExceptions become LocalStreamExceptions so they are not taken for network faults.</summary>
    internal sealed class LocalStreamGuard : PassThroughStream
    {
        private readonly string what;

        // The caller owns the local stream (a FileStream it disposes, or the user's stream).
        public LocalStreamGuard(Stream inner, string what)
            : base(inner, ownsInner: false)
        {
            this.what = what;
        }

        public override int Read(byte[] buffer, int offset, int count) => LocalStreamException.Guard(what, () => Inner.Read(buffer, offset, count));

        public override void Write(byte[] buffer, int offset, int count) => LocalStreamException.Guard(what, () =>
        {
            Inner.Write(buffer, offset, count);
            return count;
        });

        public override void Flush() => LocalStreamException.Guard(what, () =>
        {
            Inner.Flush();
            return 0;
        });
    }
}

using System;
using System.IO;
using System.Text;

namespace FtpTools.Engine
{
    /// <summary>
    /// Passes a stream through and keeps a copy of the first bytes read from it, so that a failed TLS handshake can tell what the
    /// server sent instead: a plain FTP reply ("220 ...") or TLS records (0x16 handshake, 0x15 alert).
    /// </summary>
    internal sealed class FirstBytesRecorder : PassThroughStream
    {
        private const int Capacity = 256;
        private readonly byte[] recorded = new byte[Capacity];
        private int count;

        public FirstBytesRecorder(Stream inner)
            : base(inner, ownsInner: true)
        {
        }

        public int RecordedCount => count;

        /// <summary>True when the first bytes read are TLS records (a handshake or an alert), whatever came of the handshake.</summary>
        public bool SawTls => count > 0 && (recorded[0] == 0x16 || recorded[0] == 0x15);

        /// <summary>The first line, when the first bytes read are an FTP reply ("220 ..." or "220-..."); otherwise null.</summary>
        public string? FtpReplyLine
        {
            get
            {
                if (count < 4 || !IsDigit(recorded[0]) || !IsDigit(recorded[1]) || !IsDigit(recorded[2]) || (recorded[3] != ' ' && recorded[3] != '-')) return null;
                var end = 0;
                while (end < count && recorded[end] != '\r' && recorded[end] != '\n') end++;
                var text = Encoding.ASCII.GetString(recorded, 0, end);
                var printable = new StringBuilder(text.Length);
                foreach (var c in text) printable.Append(c < ' ' || c > '~' ? '?' : c);
                return printable.ToString();
            }
        }

        public override int Read(byte[] buffer, int offset, int length)
        {
            var read = Inner.Read(buffer, offset, length);
            if (read > 0 && count < Capacity)
            {
                var copied = Math.Min(read, Capacity - count);
                Buffer.BlockCopy(buffer, offset, recorded, count, copied);
                count += copied;
            }

            return read;
        }

        private static bool IsDigit(byte b) => b >= '0' && b <= '9';
    }
}

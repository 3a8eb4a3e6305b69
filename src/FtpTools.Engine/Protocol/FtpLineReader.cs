using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace FtpTools.Engine
{
    /// <summary>
    /// Splits a byte stream into text lines at LF (a preceding CR is dropped), refusing lines over the cap.
    /// Decodes each line as UTF-8 and falls back to Latin-1 when the bytes are not valid UTF-8, so no byte is lost.
    /// </summary>
    internal sealed class FtpLineReader
    {
        public const int MaxLineBytes = 8 * 1024;

        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1");

        private readonly Stream stream;
        private readonly byte[] buffer;
        private readonly int maxLineBytes;
        private int start;
        private int end;

        public FtpLineReader(Stream stream, int maxLineBytes = MaxLineBytes)
        {
            this.stream = stream;
            this.maxLineBytes = maxLineBytes;
            // Room for the longest line allowed and its CR LF: with less, a full buffer reads as the end of the stream and a long line comes out in pieces.
            buffer = new byte[Math.Max(16 * 1024, maxLineBytes + 2)];
        }

        /// <summary>Bytes already read from the stream but not yet returned as lines.</summary>
        public int BufferedByteCount => end - start;

        /// <summary>Returns the next line, or null at the end of the stream (a final line without LF is returned first).</summary>
        [MethodImpl(HotPath.Optimized)]
        public string? ReadLine()
        {
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline >= 0)
                {
                    var length = newline - start;
                    if (length > 0 && buffer[newline - 1] == '\r') length--;
                    if (length > maxLineBytes) throw LineTooLong();
                    var line = Decode(buffer, start, length);
                    start = newline + 1;
                    return line;
                }

                if (end - start > maxLineBytes + 1) throw LineTooLong();
                Compact();
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    if (end == start) return null;
                    var rest = Decode(buffer, start, end - start);
                    start = end;
                    return rest;
                }

                end += read;
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public static string Decode(byte[] bytes, int offset, int count)
        {
            try
            {
                return StrictUtf8.GetString(bytes, offset, count);
            }
            catch (DecoderFallbackException)
            {
                return Latin1.GetString(bytes, offset, count);
            }
        }

        private void Compact()
        {
            if (start == 0) return;
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        private FtpProtocolException LineTooLong() =>
            new FtpProtocolException("The server sent a line longer than " + maxLineBytes + " bytes; the connection is not an FTP server or is corrupted.", FtpPhase.Command);
    }
}

using System.IO;
using System.Text;
using Xunit;

namespace FtpTools.Engine.Tests.Protocol
{
    public class FtpLineReaderTests
    {
        private static FtpLineReader Reader(byte[] bytes) => new FtpLineReader(new MemoryStream(bytes));

        [Fact]
        public void SplitsOnCrLfAndBareLf()
        {
            var reader = Reader(Encoding.ASCII.GetBytes("220 a\r\n221 b\nlast"));
            Assert.Equal("220 a", reader.ReadLine());
            Assert.Equal("221 b", reader.ReadLine());
            Assert.Equal("last", reader.ReadLine());
            Assert.Null(reader.ReadLine());
        }

        [Fact]
        public void DecodesUtf8()
        {
            var reader = Reader(Encoding.UTF8.GetBytes("257 \"/données/日本\" created\r\n"));
            Assert.Equal("257 \"/données/日本\" created", reader.ReadLine());
        }

        [Fact]
        public void FallsBackToLatin1ForInvalidUtf8()
        {
            var bytes = new byte[] { (byte)'5', (byte)'5', (byte)'0', (byte)' ', 0x63, 0x61, 0x66, 0xE9, (byte)'\r', (byte)'\n' };
            Assert.Equal("550 café", Reader(bytes).ReadLine());
        }

        [Fact]
        public void LineAtTheCapIsAccepted()
        {
            var line = new string('x', FtpLineReader.MaxLineBytes);
            Assert.Equal(line, Reader(Encoding.ASCII.GetBytes(line + "\r\n")).ReadLine());
        }

        [Fact]
        public void LineOverTheCapIsRefused()
        {
            var reader = Reader(Encoding.ASCII.GetBytes(new string('x', FtpLineReader.MaxLineBytes + 2) + "\n"));
            Assert.Throws<FtpProtocolException>(() => reader.ReadLine());
        }

        [Fact]
        public void LineLongerThanTheUsualBufferButWithinAHigherCapComesWhole()
        {
            // Data connections allow 64 KiB lines (a listing entry with a long path); such a line is one line, not pieces.
            var line = new string('x', 40 * 1024);
            var reader = new FtpLineReader(new MemoryStream(Encoding.ASCII.GetBytes(line + "\r\nnext\r\n")), 64 * 1024);
            Assert.Equal(line, reader.ReadLine());
            Assert.Equal("next", reader.ReadLine());
            Assert.Null(reader.ReadLine());
        }

        [Fact]
        public void LineOverAHigherCapIsRefused()
        {
            var reader = new FtpLineReader(new MemoryStream(Encoding.ASCII.GetBytes(new string('x', (64 * 1024) + 2) + "\n")), 64 * 1024);
            Assert.Throws<FtpProtocolException>(() => reader.ReadLine());
        }

        [Fact]
        public void EndlessLineWithoutNewlineIsRefusedWithoutReadingItAll()
        {
            var reader = Reader(Encoding.ASCII.GetBytes(new string('x', 1024 * 1024)));
            Assert.Throws<FtpProtocolException>(() => reader.ReadLine());
        }
    }
}

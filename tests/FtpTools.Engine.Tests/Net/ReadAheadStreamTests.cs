using System;
using System.IO;
using System.Linq;
using Xunit;

namespace FtpTools.Engine.Tests.Net
{
    public class ReadAheadStreamTests
    {
        [Fact]
        public void Small_reads_are_served_from_one_large_receive_and_keep_every_byte_in_order()
        {
            var data = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
            var network = new CountingStream(new MemoryStream(data), maxPerRead: 40_000);
            var readAhead = new ReadAheadStream(network, 32 * 1024);

            var copy = new MemoryStream();
            var chunk = new byte[5];
            int read;
            while ((read = readAhead.Read(chunk, 0, chunk.Length)) > 0) copy.Write(chunk, 0, read);

            Assert.Equal(data, copy.ToArray());
            // 100,000 bytes in 32 KiB blocks (4) and the end of the stream (1): not 20,000 reads of 5 bytes.
            Assert.Equal(5, network.Reads);
        }

        [Fact]
        public void A_read_across_the_end_of_the_buffer_returns_what_is_buffered_without_waiting_for_more()
        {
            var network = new CountingStream(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }), maxPerRead: 6);
            var readAhead = new ReadAheadStream(network, 8);
            var target = new byte[4];

            Assert.Equal(4, readAhead.Read(target, 0, 4));
            Assert.Equal(2, readAhead.Read(target, 0, 4));
            Assert.Equal(new byte[] { 5, 6 }, target.Take(2));
            Assert.Equal(1, network.Reads);
            Assert.Equal(4, readAhead.Read(target, 0, 4));
            Assert.Equal(new byte[] { 7, 8, 9, 10 }, target);
        }

        [Fact]
        public void A_request_as_large_as_the_buffer_goes_straight_to_the_network_when_nothing_is_buffered()
        {
            var network = new CountingStream(new MemoryStream(new byte[100]), maxPerRead: 100);
            var readAhead = new ReadAheadStream(network, 16);

            Assert.Equal(100, readAhead.Read(new byte[100], 0, 100));
            Assert.Equal(0, readAhead.Buffered);
            Assert.Equal(0, readAhead.Read(new byte[100], 0, 100));
        }

        [Fact]
        public void Writes_pass_through_at_once_so_a_handshake_message_is_never_held_back()
        {
            var network = new MemoryStream();
            var readAhead = new ReadAheadStream(network, 1024);

            readAhead.Write(new byte[] { 22, 3, 3 }, 0, 3);

            Assert.Equal(new byte[] { 22, 3, 3 }, network.ToArray());
        }

        private sealed class CountingStream : Stream
        {
            private readonly Stream inner;
            private readonly int maxPerRead;

            public CountingStream(Stream inner, int maxPerRead)
            {
                this.inner = inner;
                this.maxPerRead = maxPerRead;
            }

            public int Reads { get; private set; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Reads++;
                return inner.Read(buffer, offset, Math.Min(count, maxPerRead));
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}

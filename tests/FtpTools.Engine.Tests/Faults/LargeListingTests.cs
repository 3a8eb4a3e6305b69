using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using FtpTools.Engine.Tests.Measuring;
using Xunit;
using Xunit.Abstractions;
using static FtpTools.Engine.Tests.Faults.HostileScript;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// A server listing hundreds of thousands of entries (FTPTOOLS_LISTING_ENTRIES=1000000 for a million; default 200,000):
    /// streamed, the managed memory held stays flat whatever the count; collected (FtpListing), it grows per entry; a consumer
    /// that stops after five entries stops the transfer and leaves the session in step.
    /// </summary>
    [Collection(MeasuredAloneCollection.Name)]
    public sealed class LargeListingTests
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly ITestOutputHelper output;

        public LargeListingTests(ITestOutputHelper output) => this.output = output;

        private static int ConfiguredEntries =>
            int.TryParse(Environment.GetEnvironmentVariable("FTPTOOLS_LISTING_ENTRIES"), NumberStyles.None, CultureInfo.InvariantCulture, out var configured) ? configured : 200_000;

        private static string Name(int i) => "file-" + i.ToString("D7", CultureInfo.InvariantCulture) + ".dat";

        [Fact]
        public void StreamedListingHoldsTheSameMemoryAfterATenthAndAfterAllOfItsEntries()
        {
            var entries = ConfiguredEntries;
            using var server = new BigListingServer(entries);
            using var client = Connected(server.Server, o => o.DataTimeout = TimeSpan.FromSeconds(30));
            var before = GC.GetTotalMemory(true);
            var samples = new long[10];
            var count = 0;
            FtpListItem? last = null;
            var watch = Stopwatch.StartNew();

            var counts = client.ListDirectory("/big", new FtpListingCallbacks(item =>
            {
                count++;
                last = item;
                if (count % (entries / 10) == 0 && count / (entries / 10) <= samples.Length) samples[count / (entries / 10) - 1] = GC.GetTotalMemory(true) - before;
            }), None);

            var elapsed = watch.Elapsed;
            var after = GC.GetTotalMemory(true) - before;
            Assert.Equal(entries, count);
            Assert.Equal(entries, counts.Items);
            Assert.Equal(0, counts.UnparsedLines);
            Assert.Equal("/big/" + Name(entries - 1), last!.FullName);
            Assert.Equal((long)(entries - 1), last.Length);
            var peak = samples.Max();
            output.WriteLine(entries + " entries streamed in " + Seconds(elapsed) + " s; managed memory held while streaming: after a tenth " + KiB(samples[0])
                + ", after all " + KiB(samples[samples.Length - 1]) + ", peak " + KiB(peak) + " (" + string.Join(", ", samples.Select(KiB)) + ")" + "; after the listing " + KiB(after) + "; process peak working set " + PeakWorkingSetMiB() + " MiB");
            // Collected, 200,000 entries hold about 100 MiB (see below): streaming holds the reader's buffers and one entry.
            Assert.InRange(peak, long.MinValue, 16L * 1024 * 1024);
            Assert.InRange(samples[samples.Length - 1] - samples[0], long.MinValue, 1024L * 1024);
        }

        [Fact]
        public void CollectedListingOfHundredsOfThousandsOfEntriesIsReadWholeWithBoundedMemoryPerEntry()
        {
            var entries = ConfiguredEntries;
            using var server = new BigListingServer(entries);
            using var client = Connected(server.Server, o => o.DataTimeout = TimeSpan.FromSeconds(30));
            var before = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();

            var listing = client.ListDirectory("/big", None);

            var elapsed = watch.Elapsed;
            var retained = GC.GetTotalMemory(true) - before;
            Assert.Equal(entries, listing.Items.Count);
            Assert.Empty(listing.UnparsedLines);
            Assert.Equal("/big/" + Name(entries - 1), listing.Items[entries - 1].FullName);
            var perEntry = retained / entries;
            output.WriteLine(entries + " entries collected in " + Seconds(elapsed) + " s; managed memory held by the listing " + (retained / (1024 * 1024)) + " MiB ("
                + perEntry + " bytes per entry); process peak working set " + PeakWorkingSetMiB() + " MiB");
            Assert.InRange(perEntry, 1, 2048);
            GC.KeepAlive(listing);
        }

        [Fact]
        public void ConsumerThatStopsAfterFiveEntriesEndsTheTransferAndTheSessionGoesOn()
        {
            using var server = new BigListingServer(1_000_000);
            using var client = Connected(server.Server, o => o.DataTimeout = TimeSpan.FromSeconds(30));
            var seen = 0;
            var watch = Stopwatch.StartNew();

            var stopped = Assert.Throws<EnoughException>(() => client.ListDirectory("/big", new FtpListingCallbacks(item =>
            {
                if (++seen == 5) throw new EnoughException();
            }), None));

            output.WriteLine("Stopped after " + seen + " entries in " + watch.ElapsedMilliseconds + " ms; the server had written " + server.Written + " of 1,000,000");
            Assert.Equal(5, seen);
            Assert.Contains("ABOR", server.Server.Received);
            Assert.InRange(server.Written, 5, 500_000);
            Assert.True(client.IsConnected);
            Assert.Equal(new[] { "a.txt", "b.txt" }, client.ListDirectory("/small", None).Items.Select(i => i.Name));
            Assert.Equal(42L, client.GetSize("/small/a.txt", None));
            GC.KeepAlive(stopped);
        }

        [Fact]
        public void ACommandSentFromInsideAListingReadsTheRestOfItFirstAndEveryEntryStillComes()
        {
            using var server = new BigListingServer(100_000);
            using var client = Connected(server.Server, o => o.DataTimeout = TimeSpan.FromSeconds(30));
            var names = new System.Collections.Generic.List<string>();
            long? size = null;

            var counts = client.ListDirectory("/big", new FtpListingCallbacks(item =>
            {
                // What Get-FtpChildItem | Receive-FtpItem does: the downstream command uses the session between two entries.
                if (names.Count == 2) size = client.GetSize("/small/a.txt", None);
                names.Add(item.Name);
            }), None);

            Assert.Equal(42L, size);
            Assert.Equal(100_000, counts.Items);
            Assert.Equal(Enumerable.Range(0, 100_000).Select(Name), names);
            var received = server.Server.Received.ToList();
            Assert.True(received.IndexOf("SIZE /small/a.txt") > received.IndexOf("MLSD /big"));
            Assert.DoesNotContain("ABOR", received);
            Assert.Equal(100_000, server.Written);
            Assert.Equal(new[] { "a.txt", "b.txt" }, client.ListDirectory("/small", None).Items.Select(i => i.Name));
        }

        private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

        private static string KiB(long bytes) => (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KiB";

        private static long PeakWorkingSetMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);

        private sealed class EnoughException : Exception
        {
        }

        /// <summary>MLSD of /big: the entries, written in 60 KB chunks, stopping at an ABOR; /small holds two files.</summary>
        private sealed class BigListingServer : IDisposable
        {
            private int written;

            public BigListingServer(int entries)
            {
                Server = new ScriptedFtpServer((line, session) =>
                {
                    if (line == "FEAT") return FeatWithMlst;
                    if (line == "EPSV") return Epsv(session);
                    if (line == "ABOR") return "226 Abort successful\r\n";
                    if (line == "SIZE /small/a.txt") return "213 42\r\n";
                    if (line == "MLSD /small")
                        return Transfer(session, Encoding.ASCII.GetBytes("type=file;size=42; a.txt\r\ntype=file;size=7; b.txt\r\n"));
                    if (line == "MLSD /big") return SendBig(session, entries);
                    return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
                });
            }

            public ScriptedFtpServer Server { get; }

            public int Written => Volatile.Read(ref written);

            public void Dispose() => Server.Dispose();

            private string SendBig(ScriptedFtpServer.ScriptedSession session, int entries)
            {
                session.Write("150 Here comes the listing\r\n");
                using var data = session.Passive!.AcceptTcpClient();
                var stream = data.GetStream();
                var chunk = new StringBuilder();
                try
                {
                    for (var i = 0; i < entries; i++)
                    {
                        chunk.Append("type=file;size=").Append(i).Append(";modify=20261121050527;UNIX.mode=0644; ").Append(Name(i)).Append("\r\n");
                        if (chunk.Length < 60_000 && i + 1 < entries) continue;
                        // A client's ABOR waits on the control connection: stop as a server does.
                        if (session.Control.DataAvailable) return "426 Transfer aborted\r\n";
                        var bytes = Encoding.ASCII.GetBytes(chunk.ToString());
                        stream.Write(bytes, 0, bytes.Length);
                        Volatile.Write(ref written, i + 1);
                        chunk.Clear();
                    }
                }
                catch (Exception exception) when (exception is System.IO.IOException || exception is SocketException)
                {
                    return "426 Connection closed; transfer aborted\r\n";
                }

                return "226 Done\r\n";
            }
        }
    }
}

using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
using Xunit;
using Xunit.Abstractions;
using static FtpTools.Engine.Tests.Faults.HostileScript;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// ListDirectory materialises the whole listing (no streaming API), so its memory grows with the entry count; this measures
    /// by how much and bounds it per entry. FTPTOOLS_LISTING_ENTRIES=1000000 measures a million entries (default 200,000).
    /// </summary>
    public sealed class LargeListingTests
    {
        private readonly ITestOutputHelper output;

        public LargeListingTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void ListingOfHundredsOfThousandsOfEntriesIsReadWholeWithBoundedMemoryPerEntry()
        {
            var entries = int.TryParse(Environment.GetEnvironmentVariable("FTPTOOLS_LISTING_ENTRIES"), NumberStyles.None, CultureInfo.InvariantCulture, out var configured) ? configured : 200_000;
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "FEAT") return FeatWithMlst;
                if (line == "EPSV") return Epsv(session);
                if (!line.StartsWith("MLSD", StringComparison.Ordinal)) return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
                session.Write("150 Here comes the listing\r\n");
                using (var data = session.Passive!.AcceptTcpClient())
                {
                    var stream = data.GetStream();
                    var chunk = new StringBuilder();
                    for (var i = 0; i < entries; i++)
                    {
                        chunk.Append("type=file;size=").Append(i).Append(";modify=20261121050527;UNIX.mode=0644; file-").Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append(".dat\r\n");
                        if (chunk.Length < 60_000 && i + 1 < entries) continue;
                        var bytes = Encoding.ASCII.GetBytes(chunk.ToString());
                        stream.Write(bytes, 0, bytes.Length);
                        chunk.Clear();
                    }
                }

                return "226 Done\r\n";
            });
            using var client = Connected(server, o => o.DataTimeout = TimeSpan.FromSeconds(30));
            var before = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();

            var listing = client.ListDirectory("/big", CancellationToken.None);

            var elapsed = watch.Elapsed;
            var retained = GC.GetTotalMemory(true) - before;
            Assert.Equal(entries, listing.Items.Count);
            Assert.Empty(listing.UnparsedLines);
            Assert.Equal("/big/file-" + (entries - 1).ToString("D7", CultureInfo.InvariantCulture) + ".dat", listing.Items[entries - 1].FullName);
            var perEntry = retained / entries;
            output.WriteLine(entries + " entries listed in " + elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s; managed memory held by the listing "
                + (retained / (1024 * 1024)) + " MiB (" + perEntry + " bytes per entry); process peak working set "
                + (Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)) + " MiB");
            Assert.InRange(perEntry, 1, 2048);
            GC.KeepAlive(listing);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using FtpTools.Engine.Tests.Integration;
using FtpTools.Lab;
using Xunit;
using Xunit.Abstractions;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// Keepalive NOOPs sent on the control connection during a long (throttled) download must never put the session out of
    /// step: from the trace, every command gets the reply that belongs to it, and the commands after the transfer get
    /// theirs. The relay slows the data connection to about FTPTOOLS_KEEPALIVE_SECONDS (default 30) seconds; 600 for the
    /// README's ten-minute figure.
    /// </summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class KeepAliveInStepTests
    {
        private const int Chunk = 16 * 1024;
        private static readonly TimeSpan ChunkDelay = TimeSpan.FromMilliseconds(250);
        private readonly LabFixture lab;
        private readonly ITestOutputHelper output;

        public KeepAliveInStepTests(LabFixture lab, ITestOutputHelper output)
        {
            this.lab = lab;
            this.output = output;
        }

        /// <summary>The reply codes each command may get as its final reply (a 1xx before it is allowed for transfers).</summary>
        private static readonly Dictionary<string, int[]> FinalReplies = new Dictionary<string, int[]>
        {
            ["USER"] = new[] { 331, 230 }, ["PASS"] = new[] { 230 }, ["SYST"] = new[] { 215 }, ["FEAT"] = new[] { 211 },
            ["OPTS"] = new[] { 200, 501 }, ["PWD"] = new[] { 257 }, ["TYPE"] = new[] { 200 }, ["EPSV"] = new[] { 229 },
            ["RETR"] = new[] { 226 }, ["NOOP"] = new[] { 200 }, ["SIZE"] = new[] { 213 }, ["MDTM"] = new[] { 213 },
            ["CWD"] = new[] { 250 }, ["QUIT"] = new[] { 221 }, ["MLST"] = new[] { 250 }, ["LIST"] = new[] { 226 },
        };

        [LabFact]
        public void KeepAliveNoopsDuringAThrottledDownloadLeaveEveryReplyWithItsCommand()
        {
            var seconds = int.TryParse(Environment.GetEnvironmentVariable("FTPTOOLS_KEEPALIVE_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var configured) ? configured : 30;
            var server = lab["vsftpd-plain"];
            var data = new byte[(int)(seconds / ChunkDelay.TotalSeconds) * Chunk];
            new Random(11).NextBytes(data);
            var remote = "/keepalive-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";
            File.WriteAllBytes(Path.Combine(server.RootDirectory, remote.TrimStart('/')), data);
            var trace = new List<FtpTraceEntry>();
            using var relay = new FaultRelay(new IPEndPoint(IPAddress.Loopback, server.Port),
                dataRule: new FaultRule { AtByte = 0, Action = FaultAction.Throttle, Delay = ChunkDelay });
            using var client = RelayedLab.Client(server, relay, options =>
            {
                options.KeepAliveInterval = TimeSpan.FromSeconds(1);
                options.Trace = entry =>
                {
                    lock (trace) trace.Add(entry);
                };
            });
            var sink = new MemoryStream();
            var watch = Stopwatch.StartNew();

            client.Download(remote, sink, 0, null, CancellationToken.None);
            var elapsed = watch.Elapsed;
            var size = client.GetSize(remote, CancellationToken.None);
            client.Execute("NOOP", CancellationToken.None);
            var directory = client.ListDirectory("/", CancellationToken.None);
            client.Disconnect(CancellationToken.None);

            Assert.Equal(data, sink.ToArray());
            Assert.Equal(data.Length, size);
            Assert.Contains(directory.Items, item => item.FullName == remote);
            List<FtpTraceEntry> entries;
            lock (trace) entries = trace.ToList();
            var pairs = MatchRepliesToCommands(entries);
            var noops = pairs.Count(pair => pair.Command == "NOOP");
            output.WriteLine(data.Length + " bytes in " + elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s; " + pairs.Count + " commands, "
                + noops + " NOOPs, every reply matched to its command");
            Assert.InRange(elapsed, TimeSpan.FromSeconds(seconds * 0.5), TimeSpan.FromSeconds(seconds * 3 + 30));
            Assert.True(noops >= seconds / 2, "only " + noops + " keepalive NOOPs in " + elapsed);
            foreach (var (command, codes) in pairs)
            {
                Assert.True(FinalReplies.ContainsKey(command), "unexpected command " + command);
                Assert.True(FinalReplies[command].Contains(codes.Last()), command + " got " + string.Join(", ", codes));
                Assert.True(codes.Take(codes.Count - 1).All(code => code >= 100 && code < 200) && (codes.Count == 1 || command == "RETR" || command == "LIST"),
                    command + " got " + string.Join(", ", codes));
            }
        }

        /// <summary>
        /// Pairs replies with commands in order (FTP answers in order on one connection): each command's replies are zero or
        /// more 1xx and then one final reply. Fails when a reply arrives with no command waiting for it.
        /// </summary>
        private static List<(string Command, List<int> Codes)> MatchRepliesToCommands(IEnumerable<FtpTraceEntry> entries)
        {
            var waiting = new Queue<(string Command, List<int> Codes)>();
            var matched = new List<(string Command, List<int> Codes)>();
            string? multiLineCode = null;
            var greeted = false;
            foreach (var entry in entries)
            {
                if (entry.Direction == FtpTraceDirection.Sent)
                {
                    var verb = entry.Text.Split(' ')[0].ToUpperInvariant();
                    waiting.Enqueue((verb, new List<int>()));
                    continue;
                }

                if (entry.Direction != FtpTraceDirection.Received) continue;
                var line = entry.Text;
                if (multiLineCode != null)
                {
                    if (!line.StartsWith(multiLineCode + " ", StringComparison.Ordinal)) continue;
                    multiLineCode = null;
                }
                else if (line.Length >= 4 && line[3] == '-')
                {
                    multiLineCode = line.Substring(0, 3);
                    continue;
                }

                var code = int.Parse(line.Substring(0, 3), CultureInfo.InvariantCulture);
                if (!greeted && code == 220 && waiting.Count == 0)
                {
                    greeted = true;
                    continue;
                }

                Assert.True(waiting.Count > 0, "reply '" + line + "' arrived with no command waiting for it");
                var head = waiting.Peek();
                head.Codes.Add(code);
                if (code >= 200) matched.Add(waiting.Dequeue());
            }

            Assert.Empty(waiting);
            return matched;
        }
    }
}

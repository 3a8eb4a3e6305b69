using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Tests.Integration;
using FtpTools.Lab;
using Xunit;
using Xunit.Abstractions;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// A large file interrupted five times at random points in each direction completes byte-identical by -IfExists Resume
    /// (LocalFileTransfers, no retry policy): plain FTP through the fault relay (an RST on the data connection), explicit
    /// FTPS on vsftpd with require_ssl_reuse by cancelling the transfer (the relay cannot see into TLS). The size is
    /// FTPTOOLS_RESUME_MIB (default 96); 4096 for the README's 4 GiB figure. The files live on disk under the lab's root
    /// and the test's temp folder (not tmpfs), and are deleted at the end. Each case reports the bytes resent: what the client
    /// read from or wrote to the data connections over all attempts, minus the file's length (what the interruptions cost).
    /// </summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class ResumeUnderFaultsTests : IDisposable
    {
        private const int Interruptions = 5;
        private readonly LabFixture lab;
        private readonly ITestOutputHelper output;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-resume-").FullName;
        private readonly long length = (long)(int.TryParse(Environment.GetEnvironmentVariable("FTPTOOLS_RESUME_MIB"), NumberStyles.None, CultureInfo.InvariantCulture, out var mib) ? mib : 96) * 1024 * 1024;

        public ResumeUnderFaultsTests(LabFixture lab, ITestOutputHelper output)
        {
            this.lab = lab;
            this.output = output;
        }

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        [LabTheory]
        [InlineData("vsftpd-plain")]
        [InlineData("vsftpd-explicit")]
        public void DownloadInterruptedFiveTimesCompletesByResume(string serverName)
        {
            var server = lab[serverName];
            var remote = "/resume-down-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";
            var serverFile = Path.Combine(server.RootDirectory, remote.TrimStart('/'));
            var local = Path.Combine(localRoot, "down.bin");
            try
            {
                var expected = WriteRandomFile(serverFile, 21);
                var item = new FtpListItem(Path.GetFileName(remote), remote, FtpItemType.File) { Length = length };
                var random = new Random(serverName.Length);
                var watch = Stopwatch.StartNew();
                var moved = 0L;
                for (var i = 0; i < Interruptions; i++)
                {
                    var partial = TransferTargets.PartialPathFor(local);
                    var before = File.Exists(partial) ? new FileInfo(partial).Length : 0;
                    var cutAfter = RandomCut(random, before);
                    var attempt = Interrupted(server, cutAfter, isUpload: false, (transfers, progress, token) => transfers.DownloadToFile(item, local, FtpIfExists.Resume, progress, token));
                    Assert.False(File.Exists(local), "a truncated file was left under the final name");
                    var after = new FileInfo(partial).Length;
                    moved += attempt - before;
                    output.WriteLine("download interruption " + (i + 1) + ": cut " + cutAfter + " bytes after resuming at " + before + "; read " + (attempt - before) + "; partial file " + after + " bytes");
                    Assert.InRange(after, before, length - 1);
                }

                var resumeAt = new FileInfo(TransferTargets.PartialPathFor(local)).Length;
                var (result, last) = Clean(server, (transfers, progress) => transfers.DownloadToFile(item, local, FtpIfExists.Resume, progress, CancellationToken.None));
                moved += last - resumeAt;
                Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
                Assert.Equal(expected, Sha256(local));
                Report(serverName, "downloaded", watch, moved);
            }
            finally
            {
                File.Delete(serverFile);
            }
        }

        [LabTheory]
        [InlineData("vsftpd-plain")]
        [InlineData("vsftpd-explicit")]
        public void UploadInterruptedFiveTimesCompletesByResume(string serverName)
        {
            var server = lab[serverName];
            var remote = "/resume-up-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";
            var serverFile = Path.Combine(server.RootDirectory, remote.TrimStart('/'));
            var local = Path.Combine(localRoot, "up.bin");
            try
            {
                var expected = WriteRandomFile(local, 22);
                var random = new Random(serverName.Length + 1);
                var watch = Stopwatch.StartNew();
                var moved = 0L;
                for (var i = 0; i < Interruptions; i++)
                {
                    var before = File.Exists(serverFile) ? new FileInfo(serverFile).Length : 0;
                    var cutAfter = RandomCut(random, before);
                    var ifExists = i == 0 ? FtpIfExists.Overwrite : FtpIfExists.Resume;
                    var attempt = Interrupted(server, cutAfter, isUpload: true, (transfers, progress, token) => transfers.UploadFromFile(local, remote, ifExists, progress, token));
                    var after = new FileInfo(serverFile).Length;
                    moved += attempt - before;
                    output.WriteLine("upload interruption " + (i + 1) + ": cut " + cutAfter + " bytes after resuming at " + before + "; wrote " + (attempt - before) + "; server file " + after + " bytes");
                    Assert.InRange(after, before, length - 1);
                }

                var resumeAt = new FileInfo(serverFile).Length;
                var (result, last) = Clean(server, (transfers, progress) => transfers.UploadFromFile(local, remote, FtpIfExists.Resume, progress, CancellationToken.None));
                moved += last - resumeAt;
                Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
                Assert.Equal(expected, Sha256(serverFile));
                Report(serverName, "uploaded", watch, moved);
            }
            finally
            {
                File.Delete(serverFile);
            }
        }

        private void Report(string serverName, string direction, Stopwatch watch, long moved) =>
            output.WriteLine(serverName + ": " + (length >> 20) + " MiB " + direction + " with " + Interruptions + " interruptions in "
                + watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s, " + (moved - length) + " bytes resent, SHA-256 equal");

        /// <summary>A cut somewhere in what remains, leaving room for the later cuts and the final run.</summary>
        private long RandomCut(Random random, long done)
        {
            var remaining = length - done;
            return 64 * 1024 + (long)(random.NextDouble() * (remaining / 3));
        }

        /// <summary>
        /// Runs one transfer that is cut after cutAfter bytes of this attempt: plain FTP by an RST on the relayed data connection,
        /// FTPS by cancelling the transfer from its progress. Either way it must fail, and the session is dropped afterwards.
        /// Returns the last position the transfer reported (its resume offset plus what it moved).
        /// </summary>
        private long Interrupted(LabServer server, long cutAfter, bool isUpload, Action<LocalFileTransfers, IProgress<FtpTransferProgress>?, CancellationToken> transfer)
        {
            var tls = server.Encryption != LabEncryption.None;
            var rule = tls ? null : new FaultRule { ToClient = !isUpload, AtByte = cutAfter, Action = FaultAction.Reset };
            using var relay = new FaultRelay(new IPEndPoint(IPAddress.Loopback, server.Port), dataRule: rule, relayData: !tls);
            using var cancel = new CancellationTokenSource();
            using var client = Connect(server, relay);
            var transfers = new LocalFileTransfers(client);
            var start = -1L;
            var last = 0L;
            var progress = new SynchronousProgress(p =>
            {
                last = p.BytesTransferred;
                if (start < 0) start = p.BytesTransferred;
                if (tls && p.BytesTransferred - start >= cutAfter) cancel.Cancel();
            });

            var error = Record.Exception(() => transfer(transfers, progress, cancel.Token));

            Assert.NotNull(error);
            Assert.True(error is FtpException || error is OperationCanceledException, error!.ToString());
            return last;
        }

        private (LocalTransferResult Result, long LastReported) Clean(LabServer server, Func<LocalFileTransfers, IProgress<FtpTransferProgress>, LocalTransferResult> transfer)
        {
            using var relay = new FaultRelay(new IPEndPoint(IPAddress.Loopback, server.Port), relayData: server.Encryption == LabEncryption.None);
            using var client = Connect(server, relay);
            var last = 0L;
            var result = transfer(new LocalFileTransfers(client), new SynchronousProgress(p => last = p.BytesTransferred));
            return (result, last);
        }

        /// <summary>Every read reports progress, so a cancellation lands where the test chose and the count of bytes moved is exact.</summary>
        private static FtpClient Connect(LabServer server, FaultRelay relay) => RelayedLab.Client(server, relay, RelayedLab.ProgressOnEveryRead);

        private string WriteRandomFile(string path, int seed)
        {
            var random = new Random(seed);
            var buffer = new byte[4 * 1024 * 1024];
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                for (long written = 0; written < length; written += buffer.Length)
                {
                    random.NextBytes(buffer);
                    var count = (int)Math.Min(buffer.Length, length - written);
                    stream.Write(buffer, 0, count);
                    hash.AppendData(buffer, 0, count);
                }
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }

        private static string Sha256(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            return Convert.ToHexString(SHA256.HashData(stream));
        }

        private sealed class SynchronousProgress : IProgress<FtpTransferProgress>
        {
            private readonly Action<FtpTransferProgress> report;

            public SynchronousProgress(Action<FtpTransferProgress> report) => this.report = report;

            public void Report(FtpTransferProgress value) => report(value);
        }
    }
}

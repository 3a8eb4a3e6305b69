using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Integration
{
    /// <summary>Send-FtpItem -Atomic and -Verify (LocalFileTransfers) against real servers, checked on the servers' disks.</summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class AtomicVerifyTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-atomic-").FullName;

        public AtomicVerifyTests(LabFixture lab) => this.lab = lab;

        public static IEnumerable<object[]> Servers() =>
            new[] { "vsftpd-plain", "proftpd-plain", "pureftpd-plain", "pyftpdlib-plain", "vsftpd-explicit" }.Select(name => new object[] { name });

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        private static byte[] RandomBytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private static string OnDisk(LabServer server, string remotePath) => Path.Combine(server.RootDirectory, remotePath.TrimStart('/'));

        private string LocalFile(string name, byte[] data)
        {
            var path = Path.Combine(localRoot, name);
            File.WriteAllBytes(path, data);
            return path;
        }

        private static string UniqueName(string label) => label + "-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";

        [LabTheory]
        [MemberData(nameof(Servers))]
        public void An_atomic_upload_shows_only_the_temporary_name_until_it_is_complete_then_replaces_the_existing_file(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var name = UniqueName("atomic");
            var remote = "/" + name;
            File.WriteAllBytes(OnDisk(server, remote), RandomBytes(1000, 1));
            var data = RandomBytes(3 * 1024 * 1024, 2);
            var local = LocalFile(name, data);
            var seenDuring = new List<string>();
            var progress = new SynchronousProgress(p =>
            {
                if (seenDuring.Count > 0) return;
                // Mid-transfer, on the server's disk: the old file is untouched, the new bytes go to the dot name.
                seenDuring.Add(new FileInfo(OnDisk(server, remote)).Length + " " + File.Exists(OnDisk(server, "/." + name + ".ftptools-partial")));
            });
            var transfers = new LocalFileTransfers(client) { Atomic = true };

            var result = transfers.UploadFromFile(local, remote, FtpIfExists.Overwrite, progress, None);

            Assert.Equal(new[] { "1000 True" }, seenDuring);
            Assert.Equal(LocalTransferOutcome.Transferred, result.Outcome);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, remote)));
            Assert.False(File.Exists(OnDisk(server, "/." + name + ".ftptools-partial")));
        }

        [LabTheory]
        [InlineData("vsftpd-plain")]
        [InlineData("proftpd-plain")]
        public void An_interrupted_atomic_upload_is_resumed_from_its_temporary_file(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var name = UniqueName("atomic-resume");
            var data = RandomBytes(200_000, 3);
            // What an interrupted run left: the first 50,000 bytes under the temporary name, uploaded by the server's account.
            client.Upload(new MemoryStream(data, 0, 50_000), AtomicUpload.TemporaryPathFor("/" + name), FtpUploadMode.Overwrite, null, None);
            var transfers = new LocalFileTransfers(client) { Atomic = true, Verify = true };

            var result = transfers.UploadFromFile(LocalFile(name, data), "/" + name, FtpIfExists.Resume, null, None);

            Assert.Equal(LocalTransferOutcome.Resumed, result.Outcome);
            Assert.Equal(50_000, result.StartOffset);
            Assert.Equal(150_000, result.BytesTransferred);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, "/" + name)));
            Assert.False(File.Exists(OnDisk(server, AtomicUpload.TemporaryPathFor("/" + name))));
        }

        [LabFact]
        public void Verify_compares_proftpds_sha256_with_the_local_files_on_upload_and_download()
        {
            var server = lab["proftpd-plain"];
            using var client = LabClients.Connect(server);
            var name = UniqueName("verify");
            var data = RandomBytes(300_000, 4);
            var said = new List<string>();
            var sizeOnly = new List<string>();
            var transfers = new LocalFileTransfers(client) { Verify = true, Explained = said.Add, VerifiedBySizeOnly = sizeOnly.Add };

            transfers.UploadFromFile(LocalFile(name, data), "/" + name, FtpIfExists.Overwrite, null, None);
            var back = Path.Combine(localRoot, "back-" + name);
            transfers.DownloadToFile(client.GetItem("/" + name, None)!, back, FtpIfExists.Overwrite, null, None);

            Assert.Empty(sizeOnly);
            Assert.Equal(2, said.Count(line => line.Contains("verified, SHA256 " + LocalFileHash.Compute(back, FtpHashAlgorithm.SHA256, None), StringComparison.Ordinal)));
            Assert.Equal(data, File.ReadAllBytes(back));
        }

        [LabFact]
        public void Verify_on_a_server_without_hashes_compares_sizes_and_says_so()
        {
            var server = lab["vsftpd-plain"];
            using var client = LabClients.Connect(server);
            var name = UniqueName("verify-size");
            var sizeOnly = new List<string>();
            var transfers = new LocalFileTransfers(client) { Verify = true, Atomic = true, VerifiedBySizeOnly = sizeOnly.Add };

            transfers.UploadFromFile(LocalFile(name, RandomBytes(5000, 5)), "/" + name, FtpIfExists.Overwrite, null, None);

            Assert.Contains("neither HASH nor XSHA256", Assert.Single(sizeOnly), StringComparison.Ordinal);
            Assert.Equal(5000, new FileInfo(OnDisk(server, "/" + name)).Length);
        }

        [LabFact]
        public void A_download_whose_size_differs_from_the_listing_fails_verification_and_publishes_nothing()
        {
            var server = lab["vsftpd-plain"];
            using var client = LabClients.Connect(server);
            var name = UniqueName("verify-short");
            File.WriteAllBytes(OnDisk(server, "/" + name), RandomBytes(4000, 6));
            var listed = client.GetItem("/" + name, None)!;
            // The file changes on the server after it was listed: what arrives is not what was listed.
            File.WriteAllBytes(OnDisk(server, "/" + name), RandomBytes(5000, 7));
            var target = Path.Combine(localRoot, name);
            var transfers = new LocalFileTransfers(client) { Verify = true };

            var error = Assert.Throws<TransferVerificationException>(() => transfers.DownloadToFile(listed, target, FtpIfExists.Resume, null, None));

            Assert.Contains("5000 bytes arrived, the remote file has 4000", error.Message, StringComparison.Ordinal);
            Assert.Equal(FtpErrorIds.VerificationFailed, FtpErrorClassifier.Classify(error).ErrorId);
            Assert.False(File.Exists(target));
            Assert.False(File.Exists(target + ".ftptools-partial"));
        }

        /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
        private sealed class SynchronousProgress : IProgress<FtpTransferProgress>
        {
            private readonly Action<FtpTransferProgress> report;

            public SynchronousProgress(Action<FtpTransferProgress> report) => this.report = report;

            public void Report(FtpTransferProgress value) => report(value);
        }
    }
}

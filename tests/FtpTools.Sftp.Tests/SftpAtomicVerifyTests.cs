using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Sftp;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>-Atomic and -Verify over SFTP: OpenSSH's SSH_FXP_RENAME refuses an existing target, posix-rename@openssh.com replaces it.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpAtomicVerifyTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly ISftpFileSystem? client;
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-sftp-atomic-").FullName;
        private readonly string serverFolder = "";
        private readonly string remote = "";

        public SftpAtomicVerifyTests(SftpLabFixture lab)
        {
            if (lab.SkipReason != null) return;
            client = SftpSessions.Connect(lab.Server);
            (serverFolder, remote) = SftpSessions.NewFolder(lab.Server, "atomic");
        }

        public void Dispose()
        {
            client?.Dispose();
            Directory.Delete(localRoot, recursive: true);
        }

        private ISftpFileSystem Client => client!;

        private static byte[] RandomBytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        [LabFact]
        public void Plain_rename_refuses_an_existing_target_so_RenameReplacing_is_needed()
        {
            Client.Upload(new MemoryStream(RandomBytes(10, 1)), FtpPath.Combine(remote, "a"), FtpUploadMode.Overwrite, null, None);
            Client.Upload(new MemoryStream(RandomBytes(20, 2)), FtpPath.Combine(remote, "b"), FtpUploadMode.Overwrite, null, None);

            Assert.ThrowsAny<FtpException>(() => Client.Rename(FtpPath.Combine(remote, "a"), FtpPath.Combine(remote, "b"), None));
            Client.RenameReplacing(FtpPath.Combine(remote, "a"), FtpPath.Combine(remote, "b"), None);

            Assert.Equal(10, new FileInfo(Path.Combine(serverFolder, "b")).Length);
            Assert.False(File.Exists(Path.Combine(serverFolder, "a")));
        }

        [LabFact]
        public void An_atomic_verified_upload_replaces_the_existing_file_and_verification_is_by_size_only()
        {
            var target = FtpPath.Combine(remote, "data.bin");
            Client.Upload(new MemoryStream(RandomBytes(500, 3)), target, FtpUploadMode.Overwrite, null, None);
            var data = RandomBytes(400_000, 4);
            var local = Path.Combine(localRoot, "data.bin");
            File.WriteAllBytes(local, data);
            var sizeOnly = new List<string>();
            var transfers = new LocalFileTransfers(Client) { Atomic = true, Verify = true, VerifiedBySizeOnly = sizeOnly.Add };

            var result = transfers.UploadFromFile(local, target, FtpIfExists.Overwrite, null, None);

            Assert.Equal(LocalTransferOutcome.Transferred, result.Outcome);
            Assert.Equal(data, File.ReadAllBytes(Path.Combine(serverFolder, "data.bin")));
            Assert.False(File.Exists(Path.Combine(serverFolder, ".data.bin.ftptools-partial")));
            Assert.Contains("SFTP", Assert.Single(sizeOnly), StringComparison.Ordinal);
        }
    }
}

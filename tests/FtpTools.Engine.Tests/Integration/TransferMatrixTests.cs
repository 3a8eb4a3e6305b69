using System;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Integration
{
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public class TransferMatrixTests
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;

        public TransferMatrixTests(LabFixture lab) => this.lab = lab;

        private static byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            new Random(length).NextBytes(bytes);
            return bytes;
        }

        private static string CellDirectory(string server, FtpDataConnectionMode mode, string? host) =>
            "/" + server + "-" + mode + (host is null ? string.Empty : "-v6") + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);

        private static string OnDisk(LabServer server, string remotePath) => Path.Combine(server.RootDirectory, remotePath.TrimStart('/'));

        [LabTheory]
        [MemberData(nameof(LabMatrix.Cells), MemberType = typeof(LabMatrix))]
        public void UploadAndDownloadAreByteIdentical(string serverName, FtpDataConnectionMode mode, string? host)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server, mode, host);
            var directory = CellDirectory(serverName, mode, host);
            client.CreateDirectory(directory, false, None);
            foreach (var size in new[] { 0, 1, 10 * 1024 * 1024 })
            {
                var data = RandomBytes(size);
                var path = directory + "/file-" + size + ".bin";
                Assert.Equal(size, client.Upload(new MemoryStream(data), path, FtpUploadMode.Overwrite, null, None));
                Assert.Equal(data, File.ReadAllBytes(OnDisk(server, path)));
                Assert.Equal(size, client.GetSize(path, None));

                using var downloaded = new MemoryStream();
                Assert.Equal(size, client.Download(path, downloaded, 0, null, None));
                Assert.Equal(data, downloaded.ToArray());
            }

            if (server.Encryption != LabEncryption.None) Assert.NotNull(client.TlsProtocol);
            Assert.Equal(mode, client.EffectiveDataConnectionMode);
            client.Disconnect(None);
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.Cells), MemberType = typeof(LabMatrix))]
        public void ListingShowsUploadedNamesWithSpacesDashesAndUnicode(string serverName, FtpDataConnectionMode mode, string? host)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server, mode, host);
            var directory = CellDirectory(serverName, mode, host);
            client.CreateDirectory(directory, false, None);
            var names = new[] { "plain.txt", "with  two spaces.txt", "-leading-dash.txt", "données-日本語.txt" };
            for (var i = 0; i < names.Length; i++)
                client.Upload(new MemoryStream(RandomBytes(100 + i)), directory + "/" + names[i], FtpUploadMode.Overwrite, null, None);
            client.CreateDirectory(directory + "/sub dir", false, None);

            var listing = client.ListDirectory(directory, None);
            Assert.Empty(listing.UnparsedLines);
            Assert.Equal(names.Append("sub dir").OrderBy(n => n, StringComparer.Ordinal), listing.Items.Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal));
            for (var i = 0; i < names.Length; i++)
            {
                var item = listing.Items.Single(x => x.Name == names[i]);
                Assert.Equal(FtpItemType.File, item.Type);
                Assert.Equal(100 + i, item.Length);
                Assert.Equal(directory + "/" + names[i], item.FullName);
                Assert.NotNull(item.LastWriteTime);
                Assert.InRange(item.LastWriteTime!.Value, DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(2));
            }

            Assert.Equal(FtpItemType.Directory, listing.Items.Single(x => x.Name == "sub dir").Type);
            Assert.Equal(names.Append("sub dir").OrderBy(n => n, StringComparer.Ordinal), client.ListNames(directory, None).OrderBy(n => n, StringComparer.Ordinal));

            foreach (var name in names)
            {
                var item = client.GetItem(directory + "/" + name, None);
                Assert.NotNull(item);
                Assert.Equal(FtpItemType.File, item!.Type);
                using var downloaded = new MemoryStream();
                client.Download(directory + "/" + name, downloaded, 0, null, None);
                Assert.Equal(File.ReadAllBytes(OnDisk(server, directory + "/" + name)), downloaded.ToArray());
            }

            Assert.Equal(FtpItemType.Directory, client.GetItem(directory + "/sub dir", None)!.Type);
            Assert.Null(client.GetItem(directory + "/missing.txt", None));
            Assert.False(client.Exists(directory + "/missing dir/x", None));
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.Cells), MemberType = typeof(LabMatrix))]
        public void InterruptedDownloadResumesWhereItStopped(string serverName, FtpDataConnectionMode mode, string? host)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server, mode, host);
            var path = CellDirectory(serverName, mode, host) + ".bin";
            var data = RandomBytes(4 * 1024 * 1024 + 17);
            File.WriteAllBytes(OnDisk(server, path), data);

            var partial = new MemoryStream();
            // A local write failure is not a network fault: LocalStreamException (an IOException), and the session stays usable.
            Assert.Throws<LocalStreamException>(() => client.Download(path, new FailingWriteStream(partial, 1024 * 1024), 0, null, None));
            Assert.True(client.IsConnected, "the session must survive an interrupted transfer");
            Assert.Equal(1024 * 1024, partial.Length);

            client.Download(path, partial, partial.Length, null, None);
            Assert.Equal(data, partial.ToArray());
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.Cells), MemberType = typeof(LabMatrix))]
        public void InterruptedUploadResumesFromTheRemoteSize(string serverName, FtpDataConnectionMode mode, string? host)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server, mode, host);
            var path = CellDirectory(serverName, mode, host) + ".bin";
            var data = RandomBytes(4 * 1024 * 1024 + 29);

            // A local read failure is not a network fault: LocalStreamException (an IOException), and the session stays usable.
            Assert.Throws<LocalStreamException>(() => client.Upload(new FailingReadStream(data, 1024 * 1024), path, FtpUploadMode.Overwrite, null, None));
            Assert.True(client.IsConnected, "the session must survive an interrupted transfer");
            var remoteSize = client.GetSize(path, None);
            Assert.NotNull(remoteSize);
            Assert.InRange(remoteSize!.Value, 0, 1024 * 1024);

            client.Upload(new MemoryStream(data), path, FtpUploadMode.Resume, null, None);
            Assert.Equal(data, File.ReadAllBytes(OnDisk(server, path)));
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.Cells), MemberType = typeof(LabMatrix))]
        public void RenameDeleteAndDirectories(string serverName, FtpDataConnectionMode mode, string? host)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server, mode, host);
            var root = CellDirectory(serverName, mode, host);
            client.CreateDirectory(root + "/a/b/c", true, None);
            client.CreateDirectory(root + "/a/b/c", true, None); // already there: still fine with parents
            Assert.True(Directory.Exists(OnDisk(server, root + "/a/b/c")));
            Assert.ThrowsAny<FtpCommandException>(() => client.CreateDirectory(root + "/x/y", false, None));

            client.Upload(new MemoryStream(RandomBytes(10)), root + "/a/one.txt", FtpUploadMode.Overwrite, null, None);
            client.Upload(new MemoryStream(RandomBytes(20)), root + "/a/b/c/deep.txt", FtpUploadMode.Append, null, None);
            client.Upload(new MemoryStream(RandomBytes(20)), root + "/a/b/c/deep.txt", FtpUploadMode.Append, null, None);
            Assert.Equal(40, client.GetSize(root + "/a/b/c/deep.txt", None));

            client.Rename(root + "/a/one.txt", root + "/a/b/renamed one.txt", None);
            Assert.Null(client.GetItem(root + "/a/one.txt", None));
            Assert.Equal(10, client.GetItem(root + "/a/b/renamed one.txt", None)!.Length);

            client.DeleteFile(root + "/a/b/renamed one.txt", None);
            Assert.False(File.Exists(OnDisk(server, root + "/a/b/renamed one.txt")));
            var missing = Assert.ThrowsAny<FtpCommandException>(() => client.DeleteFile(root + "/a/b/renamed one.txt", None));
            Assert.Equal(550, missing.ReplyCode);
            Assert.Equal(root + "/a/b/renamed one.txt", missing.RemotePath);

            client.RemoveDirectory(root, true, None);
            Assert.False(Directory.Exists(OnDisk(server, root)));
            Assert.Null(client.GetItem(root, None));
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>The cells of the FTP matrix on SFTP, checked on the server's disk.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpFileSystemTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly SftpLabFixture lab;
        private readonly ISftpFileSystem? client;
        private readonly string local = "";
        private readonly string remote = "";

        public SftpFileSystemTests(SftpLabFixture lab)
        {
            this.lab = lab;
            if (lab.SkipReason != null) return;
            client = SftpSessions.Connect(lab.Server);
            (local, remote) = SftpSessions.NewFolder(lab.Server, "fs");
        }

        public void Dispose() => client?.Dispose();

        private ISftpFileSystem Client => client!;

        private static byte[] RandomBytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private string OnDisk(string name) => Path.Combine(local, name);

        private string Remote(string name) => FtpPath.Combine(remote, name);

        [LabTheory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(10 * 1024 * 1024)]
        public void UploadAndDownloadAreByteIdentical(int size)
        {
            var data = RandomBytes(size, size);
            var progress = new List<FtpTransferProgress>();
            var sent = Client.Upload(new MemoryStream(data), Remote("file.bin"), FtpUploadMode.Overwrite, new SyncProgress(progress.Add), None);
            Assert.Equal(size, sent);
            Assert.Equal(data, File.ReadAllBytes(OnDisk("file.bin")));
            Assert.Equal(size, progress.Last().BytesTransferred);

            var copy = new MemoryStream();
            Assert.Equal(size, Client.Download(Remote("file.bin"), copy, 0, null, None));
            Assert.Equal(data, copy.ToArray());
            Assert.Equal(size, Client.GetSize(Remote("file.bin"), None));
        }

        [LabFact]
        public void OverwriteReplacesALongerFile()
        {
            Client.Upload(new MemoryStream(RandomBytes(1000, 1)), Remote("f"), FtpUploadMode.Overwrite, null, None);
            Client.Upload(new MemoryStream(new byte[] { 7 }), Remote("f"), FtpUploadMode.Overwrite, null, None);
            Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(OnDisk("f")));
        }

        [LabFact]
        public void DownloadFromAnOffsetReturnsTheRest()
        {
            var data = RandomBytes(300_000, 2);
            File.WriteAllBytes(OnDisk("offset.bin"), data);
            var rest = new MemoryStream();
            var progress = new List<FtpTransferProgress>();
            Assert.Equal(data.Length - 123_456, Client.Download(Remote("offset.bin"), rest, 123_456, new SyncProgress(progress.Add), None));
            Assert.Equal(data.Skip(123_456), rest.ToArray());
            Assert.Equal(data.Length, progress.Last().BytesTransferred);
            Assert.Equal(data.Length, progress.Last().TotalBytes);
        }

        [LabFact]
        public void AppendAddsToTheEndAndCreatesAMissingFile()
        {
            Client.Upload(new MemoryStream(new byte[] { 1, 2 }), Remote("log"), FtpUploadMode.Append, null, None);
            Client.Upload(new MemoryStream(new byte[] { 3 }), Remote("log"), FtpUploadMode.Append, null, None);
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(OnDisk("log")));
        }

        [LabFact]
        public void ResumeUploadContinuesFromTheRemoteSize()
        {
            var data = RandomBytes(1_000_000, 3);
            File.WriteAllBytes(OnDisk("resume.bin"), data.Take(400_000).ToArray());
            LabFiles.GiveToLabUser(OnDisk("resume.bin"));
            var progress = new List<FtpTransferProgress>();
            var sent = Client.Upload(new MemoryStream(data), Remote("resume.bin"), FtpUploadMode.Resume, new SyncProgress(progress.Add), None);
            Assert.Equal(600_000, sent);
            Assert.Equal(data, File.ReadAllBytes(OnDisk("resume.bin")));
            Assert.Equal(data.Length, progress.Last().BytesTransferred);

            File.WriteAllBytes(OnDisk("bigger.bin"), RandomBytes(10, 4));
            var error = Assert.Throws<FtpException>(() => Client.Upload(new MemoryStream(new byte[5]), Remote("bigger.bin"), FtpUploadMode.Resume, null, None));
            Assert.Contains("larger than the local file", error.Message);
        }

        [LabFact]
        public void RenameMovesAndRefusesNothingButAMissingSource()
        {
            File.WriteAllBytes(OnDisk("a"), new byte[] { 1 });
            Client.CreateDirectory(Remote("sub"), false, None);
            Client.Rename(Remote("a"), Remote("sub/b"), None);
            Assert.False(File.Exists(OnDisk("a")));
            Assert.Equal(new byte[] { 1 }, File.ReadAllBytes(Path.Combine(local, "sub", "b")));
            var error = Assert.Throws<SftpStatusException>(() => Client.Rename(Remote("missing"), Remote("x"), None));
            Assert.Equal(SftpStatus.NoSuchFile, error.Status);
            Assert.Equal(Remote("missing"), error.RemotePath);
            Assert.Equal(FtpErrorIds.ItemNotFound, FtpErrorClassifier.Classify(error).ErrorId);
        }

        [LabFact]
        public void DeleteFileRemovesFilesOnly()
        {
            File.WriteAllBytes(OnDisk("gone"), new byte[] { 1 });
            Client.DeleteFile(Remote("gone"), None);
            Assert.False(File.Exists(OnDisk("gone")));
            Assert.Equal(SftpStatus.NoSuchFile, Assert.Throws<SftpStatusException>(() => Client.DeleteFile(Remote("gone"), None)).Status);
            Directory.CreateDirectory(OnDisk("dir"));
            Assert.Throws<SftpStatusException>(() => Client.DeleteFile(Remote("dir"), None));
            Assert.True(Directory.Exists(OnDisk("dir")));
        }

        [LabFact]
        public void CreateDirectoryWithParentsAndRemoveDirectoryRecursively()
        {
            Client.CreateDirectory(Remote("a/b/c"), true, None);
            Assert.True(Directory.Exists(Path.Combine(local, "a", "b", "c")));
            Client.CreateDirectory(Remote("a/b"), true, None); // already there: fine with parents
            Assert.Throws<SftpStatusException>(() => Client.CreateDirectory(Remote("a/b"), false, None));
            Assert.Equal(SftpStatus.NoSuchFile, Assert.Throws<SftpStatusException>(() => Client.CreateDirectory(Remote("x/y"), false, None)).Status);

            Client.Upload(new MemoryStream(new byte[] { 1 }), Remote("a/b/c/f"), FtpUploadMode.Overwrite, null, None);
            Client.Upload(new MemoryStream(new byte[] { 1 }), Remote("a/.hidden"), FtpUploadMode.Overwrite, null, None);
            Assert.Throws<SftpStatusException>(() => Client.RemoveDirectory(Remote("a"), false, None));
            Client.RemoveDirectory(Remote("a"), true, None);
            Assert.False(Directory.Exists(OnDisk("a")));
        }

        [LabFact]
        public void NamesWithUnicodeSpacesAndALeadingDashRoundTrip()
        {
            foreach (var name in new[] { "Grüße – 日本語.txt", "with  two spaces.txt", "-leading-dash", " leading space" })
            {
                var data = RandomBytes(100, name.Length);
                Client.Upload(new MemoryStream(data), Remote(name), FtpUploadMode.Overwrite, null, None);
                Assert.Equal(data, File.ReadAllBytes(OnDisk(name)));
                Assert.Contains(Client.ListDirectory(remote, None).Items, item => item.Name == name && item.FullName == Remote(name));
                var copy = new MemoryStream();
                Client.Download(Remote(name), copy, 0, null, None);
                Assert.Equal(data, copy.ToArray());
            }
        }

        [LabFact]
        public void ListingShowsEveryEntryWithItsAttributesButNotDotAndDotDot()
        {
            File.WriteAllBytes(OnDisk(".profile"), new byte[] { 1, 2, 3 });
            File.SetLastWriteTimeUtc(OnDisk(".profile"), new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(OnDisk(".profile"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            Directory.CreateDirectory(OnDisk("sub"));

            var listing = Client.ListDirectory(remote, None);

            Assert.Equal(remote, listing.Directory);
            Assert.Empty(listing.UnparsedLines);
            Assert.Equal(new[] { ".profile", "sub" }, listing.Items.Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal));
            var profile = listing.Items.Single(i => i.Name == ".profile");
            Assert.Equal(FtpItemType.File, profile.Type);
            Assert.Equal(3, profile.Length);
            Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), profile.LastWriteTime);
            Assert.Equal(TimeSpan.Zero, profile.LastWriteTime!.Value.Offset);
            Assert.Equal("rw-r-----", profile.Permissions);
            Assert.Equal("0", profile.Owner); // written by the test as root
            var sub = listing.Items.Single(i => i.Name == "sub");
            Assert.Equal(FtpItemType.Directory, sub.Type);
            Assert.Null(sub.Length);
            Assert.Equal(Remote("sub"), sub.FullName);
        }

        [LabFact]
        public void SymbolicLinksAreListedAndActedOnAsLinks()
        {
            File.WriteAllBytes(OnDisk("target.txt"), new byte[] { 1, 2, 3, 4 });
            File.CreateSymbolicLink(OnDisk("link"), "target.txt");
            File.CreateSymbolicLink(OnDisk("dangling"), "nowhere");
            Directory.CreateDirectory(OnDisk("dir"));
            LabFiles.GiveToLabUser(OnDisk("dir"));
            File.WriteAllBytes(Path.Combine(local, "dir", "inside"), new byte[] { 9 });
            Directory.CreateSymbolicLink(OnDisk("dirlink"), "dir");

            var items = Client.ListDirectory(remote, None).Items.ToDictionary(i => i.Name);
            Assert.Equal(FtpItemType.SymbolicLink, items["link"].Type);
            Assert.Equal("target.txt", items["link"].LinkTarget);
            Assert.Equal("nowhere", items["dangling"].LinkTarget);
            Assert.Equal(FtpItemType.SymbolicLink, items["dirlink"].Type);
            Assert.Null(items["target.txt"].LinkTarget);

            var item = Client.GetItem(Remote("link"), None)!;
            Assert.Equal(FtpItemType.SymbolicLink, item.Type);
            Assert.Equal("target.txt", item.LinkTarget);
            Assert.Equal(Remote("link"), item.FullName);
            Assert.Equal(FtpItemType.SymbolicLink, Client.GetItem(Remote("dangling"), None)!.Type);
            Assert.Equal(FtpItemType.File, Client.GetItem(Remote("dirlink/inside"), None)!.Type);
            Assert.Equal(4, Client.GetSize(Remote("link"), None)); // SIZE follows the link, as on FTP

            var copy = new MemoryStream();
            Client.Download(Remote("link"), copy, 0, null, None);
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, copy.ToArray());

            Client.Rename(Remote("link"), Remote("renamed-link"), None);
            Assert.Equal("target.txt", new FileInfo(OnDisk("renamed-link")).LinkTarget);
            Client.DeleteFile(Remote("renamed-link"), None);
            Assert.False(File.Exists(OnDisk("renamed-link")) || new FileInfo(OnDisk("renamed-link")).LinkTarget != null);
            Assert.True(File.Exists(OnDisk("target.txt")), "deleting the link must not delete its target");

            Assert.Throws<SftpStatusException>(() => Client.RemoveDirectory(Remote("dirlink"), true, None));
            Client.RemoveDirectory(Remote("dir"), true, None);
            Directory.CreateDirectory(OnDisk("tree"));
            LabFiles.GiveToLabUser(OnDisk("tree"));
            Directory.CreateSymbolicLink(Path.Combine(local, "tree", "escape"), local);
            Client.RemoveDirectory(Remote("tree"), true, None);
            Assert.True(File.Exists(OnDisk("target.txt")), "a recursive removal must not follow a link out of the tree");
        }

        [LabFact]
        public void ItemsSizesAndTimesOfWhatIsAndIsNotThere()
        {
            File.WriteAllBytes(OnDisk("t"), new byte[] { 1, 2 });
            File.SetLastWriteTimeUtc(OnDisk("t"), new DateTime(2019, 5, 6, 7, 8, 9, DateTimeKind.Utc));
            LabFiles.GiveToLabUser(OnDisk("t"));
            Assert.Equal(new DateTimeOffset(2019, 5, 6, 7, 8, 9, TimeSpan.Zero), Client.GetModifiedTime(Remote("t"), None));
            Assert.Null(Client.GetItem(Remote("missing"), None));
            Assert.Null(Client.GetItem(Remote("missing/deeper"), None));
            Assert.Null(Client.GetSize(Remote("missing"), None));
            Assert.Null(Client.GetSize(remote, None));
            Assert.Null(Client.GetModifiedTime(Remote("missing"), None));
            Assert.Equal(FtpItemType.Directory, Client.GetItem("/", None)!.Type);
            Assert.Equal(FtpItemType.Directory, Client.GetItem(remote, None)!.Type);

            Assert.True(Client.CanSetModifiedTime);
            Client.SetModifiedTime(Remote("t"), new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.FromHours(2)), None);
            Assert.Equal(new DateTime(2001, 2, 3, 2, 5, 6, DateTimeKind.Utc), File.GetLastWriteTimeUtc(OnDisk("t")));
            Assert.Equal(new byte[] { 1, 2 }, File.ReadAllBytes(OnDisk("t")));
        }

        [LabFact]
        public void PathsResolveAgainstTheCurrentDirectoryLikeFtp()
        {
            Assert.Equal(lab.Server.RemoteRootDirectory, Client.CurrentDirectory);
            Directory.CreateDirectory(OnDisk("cd"));
            LabFiles.GiveToLabUser(OnDisk("cd"));
            Client.ChangeDirectory(Remote("cd"), None);
            Assert.Equal(Remote("cd"), Client.CurrentDirectory);
            Assert.Equal(Remote("cd/x"), Client.ResolvePath("x"));
            Assert.Equal(Remote("y"), Client.ResolvePath("../y"));
            Assert.Equal("/abs", Client.ResolvePath("/abs/./"));
            Client.Upload(new MemoryStream(new byte[] { 5 }), "relative.bin", FtpUploadMode.Overwrite, null, None);
            Assert.True(File.Exists(Path.Combine(local, "cd", "relative.bin")));
            Client.ChangeDirectory("..", None);
            Assert.Equal(remote, Client.CurrentDirectory);
            Assert.Throws<SftpStatusException>(() => Client.ChangeDirectory("cd/relative.bin", None));
        }

        [LabFact]
        public void ServerRefusalsBecomeTheFtpExceptionFamilyWithThePath()
        {
            var denied = Assert.Throws<SftpStatusException>(() => Client.Upload(new MemoryStream(new byte[] { 1 }), "/etc/ftptools-denied", FtpUploadMode.Overwrite, null, None));
            Assert.Equal(SftpStatus.PermissionDenied, denied.Status);
            Assert.Equal("/etc/ftptools-denied", denied.RemotePath);
            Assert.Equal(FtpErrorKind.PermissionDenied, FtpErrorClassifier.Classify(denied).Kind);

            var missing = Assert.Throws<SftpStatusException>(() => Client.Download(Remote("nope"), new MemoryStream(), 0, null, None));
            Assert.Equal(SftpStatus.NoSuchFile, missing.Status);
            Assert.Equal(Remote("nope"), missing.RemotePath);
            var listing = Assert.Throws<SftpStatusException>(() => Client.ListDirectory(Remote("nope"), None));
            Assert.Equal(SftpStatus.NoSuchFile, listing.Status);
        }

        [LabFact]
        public void ServerSideHashesAreNotSupportedAndSaySo()
        {
            var error = Assert.Throws<FtpNotSupportedException>(() => Client.GetHash(Remote("x"), null, None));
            Assert.Contains("SFTP server", error.Message);
            Assert.Contains("does not offer server-side hashes", error.Message);
            Assert.Equal(FtpErrorKind.NotSupported, FtpErrorClassifier.Classify(error).Kind);
        }

        [LabFact]
        public void CancellationStopsATransferBetweenChunksAndKeepsTheSession()
        {
            var data = RandomBytes(8 * 1024 * 1024, 9);
            File.WriteAllBytes(OnDisk("big.bin"), data);
            using (var cancellation = new CancellationTokenSource())
            {
                var sink = new CancellingStream(cancellation, 1024 * 1024);
                Assert.ThrowsAny<OperationCanceledException>(() => Client.Download(Remote("big.bin"), sink, 0, null, cancellation.Token));
                Assert.InRange(sink.Length, 1024 * 1024, data.Length - 1);
            }

            using (var cancellation = new CancellationTokenSource())
            {
                var source = new CancellingStream(cancellation, 1024 * 1024, data);
                Assert.ThrowsAny<OperationCanceledException>(() => Client.Upload(source, Remote("up.bin"), FtpUploadMode.Overwrite, null, cancellation.Token));
                Assert.InRange(new FileInfo(OnDisk("up.bin")).Length, 0, data.Length - 1);
            }

            using (var cancelled = new CancellationTokenSource())
            {
                cancelled.Cancel();
                Assert.ThrowsAny<OperationCanceledException>(() => Client.ListDirectory(remote, cancelled.Token));
            }

            Assert.True(Client.IsConnected);
            var copy = new MemoryStream();
            Client.Download(Remote("big.bin"), copy, 0, null, None);
            Assert.Equal(data, copy.ToArray());
        }

        [LabFact]
        public void SessionInfoShowsWhatWasNegotiated()
        {
            var info = Client.SessionInfo;
            Assert.StartsWith("SSH-2.0-OpenSSH_9", info.ServerVersion);
            Assert.Contains(lab.Server.Ssh!.HostKeys, key => key.Type == info.HostKeyType && key.Fingerprint == info.HostKeyFingerprint);
            Assert.Equal(FtpTools.Engine.Sftp.HostKeys.SshHostKeyTrust.Pinned, info.HostKeyTrust);
            Assert.False(string.IsNullOrEmpty(info.KeyExchange));
            Assert.False(string.IsNullOrEmpty(info.Cipher));
            Assert.False(string.IsNullOrEmpty(info.Mac));
            Assert.Equal("password", info.AuthenticationMethod);
            Assert.Equal(3, info.SftpProtocolVersion);
            Assert.Equal(RemoteProtocol.Sftp, Client.Protocol);
        }

        [LabFact]
        public void DisconnectEndsTheSessionAndLaterCallsFailAsConnectionErrors()
        {
            using var own = SftpSessions.Connect(lab.Server);
            own.Disconnect(None);
            Assert.False(own.IsConnected);
            var error = Assert.ThrowsAny<FtpException>(() => own.ListDirectory(remote, None));
            Assert.IsType<FtpConnectionException>(error);
            Assert.True(error.IsTransient);
            own.Disconnect(None);
        }
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    internal sealed class SyncProgress : IProgress<FtpTransferProgress>
    {
        private readonly Action<FtpTransferProgress> report;

        public SyncProgress(Action<FtpTransferProgress> report)
        {
            this.report = report;
        }

        public void Report(FtpTransferProgress value) => report(value);
    }

    /// <summary>A local stream that cancels the token once limit bytes went through it (written to, or read from data).</summary>
    internal sealed class CancellingStream : Stream
    {
        private readonly CancellationTokenSource cancellation;
        private readonly long limit;
        private readonly byte[]? data;
        private long position;

        public CancellingStream(CancellationTokenSource cancellation, long limit, byte[]? data = null)
        {
            this.cancellation = cancellation;
            this.limit = limit;
            this.data = data;
        }

        public override bool CanRead => data != null;

        public override bool CanSeek => false;

        public override bool CanWrite => data is null;

        public override long Length => position;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, data!.Length - position);
            Array.Copy(data, position, buffer, offset, n);
            Moved(n);
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count) => Moved(count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Moved(int count)
        {
            position += count;
            if (position >= limit) cancellation.Cancel();
        }
    }
}

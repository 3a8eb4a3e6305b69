using System;
using System.Collections.Concurrent;
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
    /// <summary>SFTP listings stream one READDIR batch at a time: entries go out before the directory is read to its end.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpListingStreamTests : IDisposable
    {
        private const int FileCount = 2500;
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly ConcurrentQueue<string> trace = new ConcurrentQueue<string>();
        private readonly ISftpFileSystem? client;
        private readonly string local = "";
        private readonly string remote = "";

        public SftpListingStreamTests(SftpLabFixture lab)
        {
            if (lab.SkipReason != null) return;
            client = SftpSessions.Connect(lab.Server, options => options.Trace = entry => trace.Enqueue(entry.Text));
            (local, remote) = SftpSessions.NewFolder(lab.Server, "stream");
            for (var i = 0; i < FileCount; i++) File.WriteAllBytes(Path.Combine(local, "f" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)), new byte[i % 100]);
            Directory.CreateDirectory(Path.Combine(local, "sub"));
        }

        public void Dispose() => client?.Dispose();

        private ISftpFileSystem Client => client!;

        private int ReadDirRequests => trace.Count(line => line == "SFTP readdir " + remote);

        [LabFact]
        public void EntriesGoOutBeforeTheDirectoryIsReadToItsEndAndMatchWhatIsOnDisk()
        {
            var requestsAtFirstEntry = -1;
            var items = new List<FtpListItem>();

            var counts = Client.ListDirectory(remote, new FtpListingCallbacks(item =>
            {
                if (items.Count == 0) requestsAtFirstEntry = ReadDirRequests;
                items.Add(item);
            }), None);

            Assert.Equal(1, requestsAtFirstEntry);
            Assert.True(ReadDirRequests > 2, "READDIR requests: " + ReadDirRequests);
            Assert.Equal(FileCount + 1, counts.Items);
            Assert.Equal("READDIR", counts.Command);
            var expected = Directory.GetFileSystemEntries(local).Select(path => Path.GetFileName(path)).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(expected, items.Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(items.Where(i => i.Name != "sub"), i => Assert.Equal(new FileInfo(Path.Combine(local, i.Name)).Length, i.Length));
            Assert.Equal(FtpItemType.Directory, items.Single(i => i.Name == "sub").Type);
        }

        [LabFact]
        public void AConsumerThatStopsClosesTheDirectoryAndTheSessionGoesOn()
        {
            var stop = new InvalidOperationException("enough");
            var seen = 0;

            var thrown = Assert.Throws<InvalidOperationException>(() => Client.ListDirectory(remote, new FtpListingCallbacks(item =>
            {
                if (++seen == 5) throw stop;
            }), None));

            Assert.Same(stop, thrown);
            Assert.Equal(1, ReadDirRequests);
            Assert.True(Client.IsConnected);
            Assert.Equal(FileCount + 1, Client.ListDirectory(remote, None).Items.Count);
            Assert.Equal(99L, Client.GetSize(FtpPath.Combine(remote, "f0099"), None));
        }
    }
}

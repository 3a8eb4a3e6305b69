using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Integration
{
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public class ServerFeatureTests
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly LabFixture lab;

        public ServerFeatureTests(LabFixture lab) => this.lab = lab;

        /// <summary>A clock that jumps a minute every time it is read, so every chunk of a transfer is "a minute later".</summary>
        private sealed class RacingClock : IFtpClock
        {
            private DateTimeOffset now = DateTimeOffset.UtcNow;

            public DateTimeOffset UtcNow => now = now.AddMinutes(1);
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.EachServer), MemberType = typeof(LabMatrix))]
        public void ListingShowsHiddenEntriesOnEveryServer(string serverName)
        {
            // vsftpd's LIST leaves dot files out; the engine lists with MLSD or "LIST -a" so that nothing is missed.
            var server = lab[serverName];
            var directory = "/hidden " + serverName;
            var disk = Path.Combine(server.RootDirectory, directory.TrimStart('/'));
            Directory.CreateDirectory(Path.Combine(disk, ".hidden dir"));
            File.WriteAllText(Path.Combine(disk, ".env"), "x");
            File.WriteAllText(Path.Combine(disk, "visible.txt"), "x");
            using var client = LabClients.Connect(server);

            var names = client.ListDirectory(directory, None).Items.Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(new[] { ".env", ".hidden dir", "visible.txt" }, names);
            Assert.Empty(client.ListDirectory(directory + "/.hidden dir", None).Items);
            Assert.Equal(FtpFailureCause.NotFound, Assert.Throws<FtpCommandException>(() => client.ListDirectory(directory + "/missing", None)).Cause);
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.EachServer), MemberType = typeof(LabMatrix))]
        public void KeepAliveNoopsDuringTransfersLeaveTheSessionInStep(string serverName)
        {
            var server = lab[serverName];
            var sent = 0;
            using var client = LabClients.Connect(server, configure: o =>
            {
                o.Clock = new RacingClock();
                o.KeepAliveInterval = TimeSpan.FromSeconds(30);
                o.TransferBufferSize = 64 * 1024;
                o.Trace = e => { if (e.Direction == FtpTraceDirection.Sent && e.Text == "NOOP") sent++; };
            });
            var data = new byte[3 * 1024 * 1024];
            new Random(5).NextBytes(data);
            client.Upload(new MemoryStream(data), "/keepalive-" + serverName + ".bin", FtpUploadMode.Overwrite, null, None);
            using var back = new MemoryStream();
            client.Download("/keepalive-" + serverName + ".bin", back, 0, null, None);
            Assert.Equal(data, back.ToArray());
            Assert.True(sent >= 10, "expected keepalive NOOPs during the transfers, saw " + sent);

            // The replies to those NOOPs were consumed: the next command gets its own reply.
            Assert.Equal(257, client.Execute("PWD", None).Code);
            Assert.Equal(200, client.Execute("NOOP", None).Code);
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.EachServer), MemberType = typeof(LabMatrix))]
        public void CancellingATransferLeavesTheSessionUsable(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server, configure: o => o.TransferBufferSize = 64 * 1024);
            var data = new byte[8 * 1024 * 1024];
            new Random(13).NextBytes(data);
            var path = "/cancel-" + serverName + ".bin";
            File.WriteAllBytes(Path.Combine(server.RootDirectory, path.TrimStart('/')), data);

            using var cancellation = new CancellationTokenSource();
            var partial = new CancellingWriteStream(cancellation, 512 * 1024);
            Assert.ThrowsAny<OperationCanceledException>(() => client.Download(path, partial, 0, null, cancellation.Token));
            Assert.True(client.IsConnected, "Ctrl+C during a transfer must not end the session");

            for (var i = 0; i < 2; i++)
            {
                using var whole = new MemoryStream();
                client.Download(path, whole, 0, null, None);
                Assert.Equal(data, whole.ToArray());
            }
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.EachServer), MemberType = typeof(LabMatrix))]
        public void AutoModeUsesExtendedPassiveAndListsTheRoot(string serverName)
        {
            using var client = LabClients.Connect(lab[serverName]);
            client.ListDirectory("/", None);
            Assert.Equal(FtpDataConnectionMode.ExtendedPassive, client.EffectiveDataConnectionMode);
            Assert.Equal("/", client.CurrentDirectory);
            Assert.False(string.IsNullOrEmpty(client.Greeting));
            Assert.StartsWith("UNIX", client.SystemType);
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.EachServer), MemberType = typeof(LabMatrix))]
        public void ModificationTimeCanBeSetAndReadBack(string serverName)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var path = "/mtime-" + serverName + ".txt";
            client.Upload(new MemoryStream(new byte[] { 1, 2, 3 }), path, FtpUploadMode.Overwrite, null, None);
            var stamp = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
            client.SetModifiedTime(path, stamp, None);
            Assert.Equal(stamp, client.GetModifiedTime(path, None));
            Assert.Equal(stamp.UtcDateTime, File.GetLastWriteTimeUtc(Path.Combine(server.RootDirectory, path.TrimStart('/'))));
            Assert.Equal(stamp, client.GetItem(path, None)!.LastWriteTime);
        }

        [LabTheory]
        [InlineData("proftpd-plain", FtpHashAlgorithm.SHA256)]
        [InlineData("proftpd-plain", FtpHashAlgorithm.SHA1)]
        [InlineData("proftpd-plain", FtpHashAlgorithm.MD5)]
        [InlineData("proftpd-plain", FtpHashAlgorithm.SHA512)]
        [InlineData("proftpd-explicit", FtpHashAlgorithm.SHA256)]
        public void ServerSideHashEqualsTheLocalHash(string serverName, FtpHashAlgorithm algorithm)
        {
            var server = lab[serverName];
            using var client = LabClients.Connect(server);
            var data = new byte[1_000_003];
            new Random(11).NextBytes(data);
            client.Upload(new MemoryStream(data), "/hash.bin", FtpUploadMode.Overwrite, null, None);
            var expected = Convert.ToHexString(algorithm switch
            {
                FtpHashAlgorithm.SHA256 => SHA256.HashData(data),
                FtpHashAlgorithm.SHA1 => SHA1.HashData(data),
                FtpHashAlgorithm.MD5 => MD5.HashData(data),
                _ => SHA512.HashData(data),
            });
            var result = client.GetHash("/hash.bin", algorithm, None);
            Assert.Equal(expected, result.Hash);
            Assert.Equal(algorithm, result.Algorithm);
            Assert.Equal("/hash.bin", result.Path);
        }

        [LabFact]
        public void DefaultHashIsSha256WhereOffered()
        {
            using var client = LabClients.Connect(lab["proftpd-plain"]);
            client.Upload(new MemoryStream(new byte[] { 42 }), "/h1.bin", FtpUploadMode.Overwrite, null, None);
            var result = client.GetHash("/h1.bin", null, None);
            Assert.Equal(FtpHashAlgorithm.SHA256, result.Algorithm);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(new byte[] { 42 })), result.Hash);
        }

        [LabTheory]
        [InlineData("vsftpd-plain")]
        [InlineData("pureftpd-plain")]
        [InlineData("pyftpdlib-plain")]
        public void HashingWhereTheServerHasNoneSaysSo(string serverName)
        {
            using var client = LabClients.Connect(lab[serverName]);
            client.Upload(new MemoryStream(new byte[] { 1 }), "/nohash.bin", FtpUploadMode.Overwrite, null, None);
            var error = Assert.Throws<FtpNotSupportedException>(() => client.GetHash("/nohash.bin", null, None));
            Assert.Contains("does not support file hashes", error.Message);
            Assert.Equal("/nohash.bin", error.RemotePath);
            Assert.True(client.IsConnected);
        }

        [LabTheory]
        [MemberData(nameof(LabMatrix.EachServer), MemberType = typeof(LabMatrix))]
        public void WrongPasswordIsALoginFailureWithTheReplyCode(string serverName)
        {
            var server = lab[serverName];
            var error = Assert.Throws<FtpCommandException>(() => LabClients.Connect(server, configure: o => o.Credential = new NetworkCredential(server.User, "wrong-password")));
            Assert.Equal(FtpPhase.Login, error.Phase);
            Assert.Equal(530, error.ReplyCode);
            Assert.DoesNotContain("wrong-password", error.ToString());
        }

        [LabFact]
        public void ChangeDirectoryResolvesRelativePaths()
        {
            var server = lab["vsftpd-plain"];
            using var client = LabClients.Connect(server);
            client.CreateDirectory("/cwd-test/inner", true, None);
            client.ChangeDirectory("/cwd-test", None);
            Assert.Equal("/cwd-test", client.CurrentDirectory);
            client.Upload(new MemoryStream(new byte[] { 9 }), "inner/rel.txt", FtpUploadMode.Overwrite, null, None);
            Assert.True(File.Exists(Path.Combine(server.RootDirectory, "cwd-test/inner/rel.txt")));
            client.ChangeDirectory("inner", None);
            Assert.Equal("/cwd-test/inner", client.GetWorkingDirectory(None));
            Assert.Equal(new[] { "rel.txt" }, client.ListDirectory(null, None).Items.Select(i => i.Name));
        }

        [LabFact]
        public void ListingAMissingDirectoryIsAnErrorEvenWhereLisTSaysNothing()
        {
            using var client = LabClients.Connect(lab["vsftpd-plain"]);
            var error = Assert.ThrowsAny<FtpCommandException>(() => client.ListDirectory("/no/such/dir", None));
            Assert.Equal(550, error.ReplyCode);
            Assert.Equal("/no/such/dir", error.RemotePath);
        }

        [LabFact]
        public void ActiveModeWithAPortRangeUsesThatRange()
        {
            var ports = new System.Collections.Generic.List<string>();
            using var client = LabClients.Connect(lab["vsftpd-plain"], FtpDataConnectionMode.Active, configure: o =>
            {
                o.ActivePortMin = 47100;
                o.ActivePortMax = 47120;
                o.Trace = e => { if (e.Text.StartsWith("PORT ", StringComparison.Ordinal)) ports.Add(e.Text); };
            });
            for (var i = 0; i < 3; i++) client.ListDirectory("/", None);
            Assert.Equal(3, ports.Count);
            foreach (var port in ports.Select(p => p.Split(',')).Select(f => int.Parse(f[4]) * 256 + int.Parse(f[5])))
                Assert.InRange(port, 47100, 47120);
        }

        [LabFact]
        public void ActiveModeAdvertisingAnUnreachableAddressFailsWithAHelpfulMessage()
        {
            using var client = LabClients.Connect(lab["pyftpdlib-plain"], FtpDataConnectionMode.Active, configure: o =>
            {
                o.ActiveExternalAddress = IPAddress.Parse("127.0.0.1");
                o.ActiveBindAddress = IPAddress.Parse("127.0.0.2");
                o.DataTimeout = TimeSpan.FromSeconds(3);
            });
            // The server is told to connect to 127.0.0.1 while we listen on 127.0.0.2: like a NAT that forwards nothing.
            var error = Assert.ThrowsAny<FtpConnectionException>(() => client.ListDirectory("/", None));
            Assert.Equal(FtpPhase.DataConnection, error.Phase);
            Assert.Contains("passive", error.Message);
            Assert.True(client.IsConnected);
        }
    }
}

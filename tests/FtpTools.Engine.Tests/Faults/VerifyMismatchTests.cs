using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using Xunit;
using static FtpTools.Engine.Tests.Faults.HostileScript;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>-Verify against a server whose hash is wrong: the file is not published under its final name.</summary>
    public sealed class VerifyMismatchTests : IDisposable
    {
        private const string FeatWithXsha256 = "211-Features:\r\n EPSV\r\n SIZE\r\n XSHA256\r\n UTF8\r\n211 End\r\n";
        private static readonly byte[] Content = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        private static readonly string WrongHash = new string('A', 64);
        private readonly string localRoot = Directory.CreateTempSubdirectory("ftptools-verify-").FullName;

        public void Dispose() => Directory.Delete(localRoot, recursive: true);

        [Fact]
        public void A_download_whose_hash_differs_is_removed_and_never_takes_the_final_name()
        {
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "FEAT") return FeatWithXsha256;
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("RETR", StringComparison.Ordinal)) return Transfer(session, Content);
                if (line.StartsWith("XSHA256", StringComparison.Ordinal)) return "250 " + WrongHash + "\r\n";
                return ScriptedFtpServer.Login(line) ?? "502 no\r\n";
            });
            using var client = Connected(server);
            var target = Path.Combine(localRoot, "file.bin");
            var transfers = new LocalFileTransfers(client) { Verify = true };

            var error = Assert.Throws<TransferVerificationException>(() =>
                transfers.DownloadToFile(new FtpListItem("file.bin", "/file.bin", FtpItemType.File) { Length = Content.Length }, target, FtpIfExists.Resume, null, CancellationToken.None));

            Assert.Contains("the server's SHA256 (XSHA256) is " + WrongHash, error.Message, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexString(SHA256.HashData(Content)), error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(target));
            Assert.False(File.Exists(target + ".ftptools-partial"), "a partial file that failed verification is not kept, not even for -IfExists Resume");
        }

        [Fact]
        public void An_atomic_upload_whose_hash_differs_is_deleted_and_never_renamed()
        {
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "FEAT") return FeatWithXsha256;
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("STOR", StringComparison.Ordinal))
                {
                    session.Write("150 Go ahead\r\n");
                    using (var data = session.Passive!.AcceptTcpClient()) data.GetStream().CopyTo(Stream.Null);
                    return "226 Stored\r\n";
                }

                if (line.StartsWith("SIZE", StringComparison.Ordinal)) return "213 " + Content.Length + "\r\n";
                if (line.StartsWith("XSHA256", StringComparison.Ordinal)) return "250 " + WrongHash + "\r\n";
                if (line.StartsWith("DELE", StringComparison.Ordinal)) return "250 Deleted\r\n";
                return ScriptedFtpServer.Login(line) ?? "502 no\r\n";
            });
            using var client = Connected(server);
            var local = Path.Combine(localRoot, "report.csv");
            File.WriteAllBytes(local, Content);
            var transfers = new LocalFileTransfers(client) { Verify = true, Atomic = true };

            var error = Assert.Throws<TransferVerificationException>(() => transfers.UploadFromFile(local, "/out/report.csv", FtpIfExists.Overwrite, null, CancellationToken.None));

            Assert.Equal("/out/.report.csv.ftptools-partial", error.RemotePath);
            Assert.Contains("STOR /out/.report.csv.ftptools-partial", server.Received);
            Assert.Contains("DELE /out/.report.csv.ftptools-partial", server.Received);
            Assert.DoesNotContain(server.Received, line => line.StartsWith("RNFR", StringComparison.Ordinal) || line.StartsWith("RNTO", StringComparison.Ordinal));
            Assert.True(error.IsTransient);
        }
    }
}

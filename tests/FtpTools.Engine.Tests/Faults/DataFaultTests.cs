using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using Xunit;
using static FtpTools.Engine.Tests.Faults.HostileScript;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>Data-connection faults that a scripted server produces more exactly than a relay: a 150 with nothing after it, a short transfer that ends in 226.</summary>
    public sealed class DataFaultTests
    {
        private static readonly CancellationToken None = CancellationToken.None;

        [Fact]
        public void PreliminaryReplyFollowedByNothingEndsAfterTheDataTimeout()
        {
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("RETR", StringComparison.Ordinal)) return "150 Opening BINARY mode data connection for file (5 bytes)\r\n";
                if (line == "ABOR") return "426 Transfer aborted\r\n226 ABOR successful\r\n";
                return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
            });
            using var client = Connected(server, o => o.DataTimeout = TimeSpan.FromSeconds(1));
            var sink = new MemoryStream();
            var watch = Stopwatch.StartNew();

            var error = Assert.ThrowsAny<FtpException>(() => client.Download("/file", sink, 0, null, None));

            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
            Assert.Equal(FtpPhase.Transfer, error.Phase);
            Assert.Contains("failed after 0 of 5 bytes", error.Message);
            Assert.True(error.IsTransient);
            Assert.Equal(0, sink.Length);
        }

        [Fact]
        public void ConnectionDroppedWhileReadingTheTimeOfACompleteDownloadKeepsTheFileAndSaysSo()
        {
            var data = Encoding.ASCII.GetBytes("complete content");
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("RETR", StringComparison.Ordinal)) return Transfer(session, data);
                if (line.StartsWith("MDTM", StringComparison.Ordinal)) return null; // hangs up
                return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
            });
            using var client = Connected(server);
            var folder = Path.Combine(Path.GetTempPath(), "ftptools-" + Guid.NewGuid().ToString("N"));
            var local = Path.Combine(folder, "file.txt");
            var warnings = new System.Collections.Generic.List<string>();
            var transfers = new LocalFileTransfers(client) { ModificationTimeNotKept = warnings.Add };
            try
            {
                // No time in the item: the server's time has to be asked with MDTM after the data arrived.
                var result = transfers.DownloadToFile(new FtpListItem("file.txt", "/file.txt", FtpItemType.File) { Length = data.Length }, local, FtpIfExists.Overwrite, null, None);

                Assert.Equal(LocalTransferOutcome.Transferred, result.Outcome);
                Assert.Null(result.ModificationTime);
                Assert.Equal(data, File.ReadAllBytes(local));
                var warning = Assert.Single(warnings);
                Assert.Contains("connection dropped before the modification time of /file.txt could be read", warning);
                Assert.Contains("is complete", warning);
                Assert.False(client.IsConnected);
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void UploadAnswered150ThenNothingEndsAfterTheDataTimeout()
        {
            // The server says 150 and never reads the data connection: the client's writes fill the socket buffers and block.
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("STOR", StringComparison.Ordinal)) return "150 Ok to send data.\r\n";
                if (line == "ABOR") return "226 ABOR successful\r\n";
                return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
            });
            using var client = Connected(server, o =>
            {
                o.DataTimeout = TimeSpan.FromSeconds(1);
                o.ReadTimeout = TimeSpan.FromSeconds(2);
            });
            var source = new MemoryStream(new byte[32 * 1024 * 1024]);
            var watch = Stopwatch.StartNew();

            var error = Assert.ThrowsAny<FtpException>(() => client.Upload(source, "/file", FtpUploadMode.Overwrite, null, None));

            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
            Assert.Equal(FtpPhase.Transfer, error.Phase);
            Assert.True(error.IsTransient);
        }

        [Fact]
        public void TransferThatEndsShortOfThe150SizeWith226IsReportedIncomplete()
        {
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("RETR", StringComparison.Ordinal))
                    return Transfer(session, Encoding.ASCII.GetBytes("12345"), "150 Opening BINARY mode data connection for file (10 bytes)\r\n");
                return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
            });
            using var client = Connected(server);

            var error = Assert.Throws<FtpConnectionException>(() => client.Download("/file", new MemoryStream(), 0, null, None));

            Assert.Contains("incomplete: the data connection ended after 5 of the 10 bytes", error.Message);
            Assert.Equal("/file", error.RemotePath);
            Assert.True(client.IsConnected);
        }

        [Fact]
        public void ResumedTransferIsCheckedAgainstTheWholeSize()
        {
            // vsftpd names the whole file in its 150 after REST; 5 bytes from offset 5 complete a 10-byte file.
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("REST", StringComparison.Ordinal)) return "350 Restart position accepted\r\n";
                if (line.StartsWith("RETR", StringComparison.Ordinal))
                    return Transfer(session, Encoding.ASCII.GetBytes("67890"), "150 Opening BINARY mode data connection for file (10 bytes)\r\n");
                return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
            });
            using var client = Connected(server);
            var sink = new MemoryStream();

            Assert.Equal(5, client.Download("/file", sink, 5, null, None));
        }
    }
}

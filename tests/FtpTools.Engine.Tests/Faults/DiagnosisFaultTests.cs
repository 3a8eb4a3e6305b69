using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using Xunit;
using static FtpTools.Engine.Tests.Faults.ScriptedListings;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// A bare 550 or 553 can mean "not there", "no permission", "not empty" or "no such folder": the engine looks and says which,
    /// and the classifier turns that into an accurate kind. Also the messages of login, AUTH TLS and cut-off downloads.
    /// </summary>
    public class DiagnosisFaultTests
    {
        private static readonly CancellationToken None = CancellationToken.None;

        private static FtpClient Connect(ScriptedFtpServer server, Action<FtpClientOptions>? configure = null) => HostileScript.Connected(server, configure);

        [Fact]
        public void Delete_refused_for_an_existing_file_is_permission_denied()
        {
            var script = new ScriptedListings();
            script.Replies["DELE /a.txt"] = "550 Delete operation failed.";
            script.Replies["SIZE /a.txt"] = "213 10";
            script.Replies["MDTM /a.txt"] = "213 20210102030405";
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            var error = Assert.Throws<FtpCommandException>(() => client.DeleteFile("/a.txt", None));
            Assert.Equal(FtpFailureCause.PermissionDenied, error.Cause);
            var classified = FtpErrorClassifier.Classify(error);
            Assert.Equal(FtpErrorKind.PermissionDenied, classified.Kind);
            Assert.Equal(FtpErrorIds.PermissionDenied, classified.ErrorId);
            Assert.Contains("550 Delete operation failed", error.Message);
        }

        [Fact]
        public void Delete_refused_for_a_missing_file_is_not_found()
        {
            var script = new ScriptedListings();
            script.Replies["DELE /a.txt"] = "550 Delete operation failed.";
            script.Replies["SIZE /a.txt"] = "550 Could not get file size.";
            script.Replies["CWD /a.txt"] = "550 Failed to change directory.";
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            var error = Assert.Throws<FtpCommandException>(() => client.DeleteFile("/a.txt", None));
            Assert.Equal(FtpFailureCause.NotFound, error.Cause);
            Assert.Equal(FtpErrorKind.ObjectNotFound, FtpErrorClassifier.Classify(error).Kind);
        }

        [Fact]
        public void Removing_a_directory_with_entries_says_it_is_not_empty_names_them_and_names_Recurse()
        {
            var script = new ScriptedListings();
            script.Replies["RMD /d"] = "550 Remove directory operation failed.";
            script.Replies["CWD /d"] = "250 OK";
            script.Replies["CWD /"] = "250 OK";
            script.Data["LIST -a /d"] = Lines(Dir("."), Dir(".."), File(".env"));
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            var error = Assert.Throws<FtpCommandException>(() => client.RemoveDirectory("/d", false, None));
            Assert.Equal(FtpFailureCause.DirectoryNotEmpty, error.Cause);
            Assert.Contains(".env", error.Message);
            Assert.Contains("-Recurse", error.Message);
            var classified = FtpErrorClassifier.Classify(error);
            Assert.Equal(FtpErrorIds.DirectoryNotEmpty, classified.ErrorId);
            Assert.Equal(FtpErrorKind.OperationFailed, classified.Kind);
        }

        [Fact]
        public void Upload_into_a_missing_folder_says_the_folder_does_not_exist()
        {
            // vsftpd's answer: a bare "553 Could not create file."
            var script = new ScriptedListings();
            script.Refused["STOR /missing/x.txt"] = "553 Could not create file.";
            script.Replies["CWD /missing"] = "550 Failed to change directory.";
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            var error = Assert.Throws<FtpCommandException>(() => client.Upload(new MemoryStream(new byte[] { 1 }), "/missing/x.txt", FtpUploadMode.Overwrite, null, None));
            Assert.Equal(FtpFailureCause.ParentNotFound, error.Cause);
            Assert.Contains("the remote folder /missing does not exist", error.Message);
            var classified = FtpErrorClassifier.Classify(error);
            Assert.Equal(FtpErrorKind.ObjectNotFound, classified.Kind);
            Assert.Contains("New-FtpDirectory", classified.RecommendedAction);
        }

        [Fact]
        public void A_failed_login_message_ends_with_one_full_stop()
        {
            using var server = new ScriptedFtpServer((line, session) => line.StartsWith("PASS", StringComparison.Ordinal) ? "530 Login incorrect.\r\n" : ScriptedFtpServer.Login(line));
            var error = Assert.Throws<FtpCommandException>(() => Connect(server));
            Assert.EndsWith("530 Login incorrect.", error.Message);
            Assert.DoesNotContain("..", FtpErrorClassifier.Classify(error).Message);
        }

        [Fact]
        public void A_refused_AUTH_TLS_names_both_other_encryption_settings_in_the_message_itself()
        {
            using var server = new ScriptedFtpServer((line, session) => line == "AUTH TLS" ? "530 Please login with USER and PASS.\r\n" : ScriptedFtpServer.Login(line));
            var error = Assert.Throws<FtpTlsException>(() => Connect(server, o => o.Encryption = FtpEncryption.Explicit));
            Assert.Contains("-Encryption None", error.Message);
            Assert.Contains("-Encryption Implicit", error.Message);
            Assert.Equal(FtpFailureCause.AuthTlsRefused, error.Cause);
            Assert.DoesNotContain(server.Received, l => l.StartsWith("PASS", StringComparison.Ordinal));
        }

        [Fact]
        public void A_download_cut_short_with_a_success_reply_is_reported_incomplete_with_the_byte_counts()
        {
            var script = new ScriptedListings();
            script.Data["RETR /big.bin"] = new string('x', 400);
            script.Replies["SIZE /big.bin"] = "213 1000";
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ftptools-cut-" + Guid.NewGuid().ToString("N")));
            try
            {
                var local = Path.Combine(folder.FullName, "big.bin");
                var remote = new FtpListItem("big.bin", "/big.bin", FtpItemType.File) { Length = 1000 };
                var error = Assert.Throws<FtpConnectionException>(() => new LocalFileTransfers(client).DownloadToFile(remote, local, FtpIfExists.Overwrite, null, None));
                Assert.Equal(FtpFailureCause.IncompleteTransfer, error.Cause);
                Assert.Contains("incomplete: 400 of 1000 bytes", error.Message);
                Assert.Equal(FtpErrorIds.TransferFailed, FtpErrorClassifier.Classify(error).ErrorId);
                Assert.Empty(folder.GetFiles());
            }
            finally
            {
                folder.Delete(true);
            }
        }

        [Fact]
        public void A_file_that_shrank_since_it_was_listed_downloads_without_error()
        {
            var script = new ScriptedListings();
            script.Data["RETR /shrunk.bin"] = new string('x', 400);
            script.Replies["SIZE /shrunk.bin"] = "213 400";
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ftptools-shrunk-" + Guid.NewGuid().ToString("N")));
            try
            {
                var local = Path.Combine(folder.FullName, "shrunk.bin");
                var remote = new FtpListItem("shrunk.bin", "/shrunk.bin", FtpItemType.File) { Length = 1000 };
                new LocalFileTransfers(client).DownloadToFile(remote, local, FtpIfExists.Overwrite, null, None);
                Assert.Equal(400, new FileInfo(local).Length);
            }
            finally
            {
                folder.Delete(true);
            }
        }

        [Fact]
        public void A_server_slow_to_greet_is_connected_to_again_and_given_the_whole_timeout()
        {
            // No greeting for 4 s: the engine checks for implicit TLS after 3 s, sees plain FTP, reconnects and waits.
            using var server = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line), greetingDelay: TimeSpan.FromSeconds(4));
            var watch = Stopwatch.StartNew();
            using var client = Connect(server, o => o.ReadTimeout = TimeSpan.FromSeconds(10));
            Assert.True(client.IsConnected);
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(12));
        }
    }
}

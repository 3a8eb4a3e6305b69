using System;
using System.Linq;
using System.Net;
using System.Threading;
using Xunit;
using static FtpTools.Engine.Tests.Faults.ScriptedListings;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>Listings without MLSD: "LIST -a" for hidden entries and its fallbacks, and names a server should never send.</summary>
    public class ListingFaultTests
    {
        private static readonly CancellationToken None = CancellationToken.None;

        private static FtpClient Connect(ScriptedFtpServer server)
        {
            var client = new FtpClient(new FtpClientOptions("127.0.0.1")
            {
                Port = server.Port,
                Encryption = FtpEncryption.None,
                Credential = new NetworkCredential("user", "secret"),
                ReadTimeout = TimeSpan.FromSeconds(5),
                DataTimeout = TimeSpan.FromSeconds(5),
            });
            client.Connect(None);
            return client;
        }

        [Fact]
        public void List_dash_a_shows_dot_files_and_is_used_for_the_rest_of_the_session()
        {
            // What vsftpd does: LIST leaves dot files out, LIST -a shows them along with "." and "..".
            var script = new ScriptedListings();
            script.Data["LIST -a /in"] = Lines(Dir("."), Dir(".."), File(".env"), File("a.txt"));
            script.Data["LIST -a /empty"] = Lines(Dir("."), Dir(".."));
            script.Data["LIST /in"] = Lines(File("a.txt"));
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            Assert.Equal(new[] { ".env", "a.txt" }, client.ListDirectory("/in", None).Items.Select(i => i.Name));
            Assert.Empty(client.ListDirectory("/empty", None).Items);
            Assert.Equal(new[] { "LIST -a /in", "LIST -a /empty" }, script.DataCommands);
        }

        [Fact]
        public void A_server_that_refuses_list_dash_a_gets_plain_list_for_the_rest_of_the_session()
        {
            // What pyftpdlib does: it takes "-a /in" for one path and answers 550.
            var script = new ScriptedListings();
            script.Refused["LIST -a /in"] = "550 No such file or directory.";
            script.Data["LIST /in"] = Lines(File(".env"), File("a.txt"));
            script.Data["LIST /other"] = Lines(File("b.txt"));
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            Assert.Equal(new[] { ".env", "a.txt" }, client.ListDirectory("/in", None).Items.Select(i => i.Name));
            Assert.Equal(new[] { "b.txt" }, client.ListDirectory("/other", None).Items.Select(i => i.Name));
            Assert.Equal(new[] { "LIST -a /in", "LIST /in", "LIST /other" }, script.DataCommands);
        }

        [Fact]
        public void A_server_that_takes_dash_a_for_a_name_matching_nothing_gets_plain_list()
        {
            var script = new ScriptedListings();
            script.Data["LIST -a /in"] = string.Empty;
            script.Data["LIST /in"] = Lines(File("a.txt"));
            script.Data["LIST /other"] = Lines(File("b.txt"));
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            Assert.Equal(new[] { "a.txt" }, client.ListDirectory("/in", None).Items.Select(i => i.Name));
            Assert.Equal(new[] { "b.txt" }, client.ListDirectory("/other", None).Items.Select(i => i.Name));
            Assert.Equal(new[] { "LIST -a /in", "LIST /in", "LIST /other" }, script.DataCommands);
        }

        [Fact]
        public void A_server_that_splits_the_path_at_spaces_gets_plain_list()
        {
            // What pure-ftpd does with "LIST -a /a b": it lists "/a" and "b", each under a header line.
            var script = new ScriptedListings();
            script.Data["LIST -a /a b"] = Lines(string.Empty, "/a:", Dir("."), File("x.txt"), string.Empty, "b:");
            script.Data["LIST /a b"] = Lines(File("inside.txt"));
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            var listing = client.ListDirectory("/a b", None);
            Assert.Equal(new[] { "inside.txt" }, listing.Items.Select(i => i.Name));
            Assert.Empty(listing.UnparsedLines);
        }

        [Fact]
        public void A_missing_directory_is_still_an_error_when_list_dash_a_is_refused()
        {
            var script = new ScriptedListings();
            script.Refused["LIST -a /missing"] = "550 No such file or directory.";
            script.Refused["LIST /missing"] = "550 No such file or directory.";
            script.Replies["CWD /missing"] = "550 Failed to change directory.";
            script.Replies["SIZE /missing"] = "550 Could not get file size.";
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            var error = Assert.Throws<FtpCommandException>(() => client.ListDirectory("/missing", None));
            Assert.Equal(FtpFailureCause.NotFound, error.Cause);
            Assert.Equal(FtpErrorKind.ObjectNotFound, FtpErrorClassifier.Classify(error).Kind);
        }

        [Fact]
        public void Unsafe_names_are_refused_at_listing_time_and_never_become_items()
        {
            var script = new ScriptedListings();
            script.Data["LIST -a /"] = Lines(Dir("."), Dir(".."), File("ok.txt"), File("../escape.txt"), File("/etc/passwd"), File("a/b"), File("bell\u0007.txt"));
            using var server = new ScriptedFtpServer(script.Answer);
            using var client = Connect(server);

            var listing = client.ListDirectory("/", None);
            Assert.Equal(new[] { "/ok.txt" }, listing.Items.Select(i => i.FullName));
            Assert.Equal(new[] { "../escape.txt", "/etc/passwd", "a/b", "bell\u0007.txt" }, listing.RefusedEntries.Select(e => e.Name));
            Assert.All(listing.RefusedEntries, e => Assert.False(string.IsNullOrEmpty(e.Reason)));
        }

        [Fact]
        public void Mlst_facts_are_returned_for_the_path_asked_for_whatever_path_the_server_writes()
        {
            var script = new ScriptedListings();
            script.Replies["MLST /in/a.txt"] = "250-Listing\r\n type=file;size=5; /etc/passwd\r\n250 End";
            using var server = new ScriptedFtpServer((line, session) => line == "FEAT" ? "211-Features:\r\n MLST type*;size*;\r\n EPSV\r\n211 End\r\n" : script.Answer(line, session));
            using var client = Connect(server);

            var item = client.GetItem("/in/a.txt", None);
            Assert.NotNull(item);
            Assert.Equal("/in/a.txt", item!.FullName);
            Assert.Equal("a.txt", item.Name);
            Assert.Equal(5, item.Length);
        }
    }
}

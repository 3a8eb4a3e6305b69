using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;
using Xunit;
using static FtpTools.Engine.Tests.Faults.HostileScript;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>Servers that send what a hostile or broken server would: each case is refused or bounded, with a clear error.</summary>
    public sealed class HostileServerTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly string sandbox = Directory.CreateTempSubdirectory("ftptools-hostile-").FullName;

        public void Dispose() => Directory.Delete(sandbox, recursive: true);

        /// <summary>Names that would climb out of the listed directory if taken as a path.</summary>
        private static readonly string[] EscapingNames = { "../escape.txt", "../../etc/passwd", "/etc/passwd", "sub/../../up.txt", "a/../../b" };

        /// <summary>Names that are harmless as remote names but must never become a local path outside the destination.</summary>
        private static readonly string[] LocallyDangerousNames =
        {
            "..\\..\\win.ini", "C:\\Windows\\evil.dll", "C:evil.txt", "\\\\host\\share\\x", "nul\0byte.txt", "bell\u0007.txt", "esc\u001b[31m.txt", " .. ", "...",
            new string('n', 10_000),
        };

        private static IEnumerable<string> AllHostileNames => EscapingNames.Concat(LocallyDangerousNames).Concat(new[] { "..", ".", "ordinary.txt" });

        private static string MlsdLine(string name) => "type=file;size=5;modify=20261121050527; " + name;

        private static string ListLine(string name) => "-rw-r--r--    1 1001     1001            5 Nov 21 05:05 " + name;

        /// <summary>A server whose listings of /in hold the given lines (MLSD, LIST and NLST alike) and which serves "hello" for any RETR.</summary>
        private static ScriptedFtpServer ListingServer(Func<string, string> mlsdLine, Func<string, string> listLine)
        {
            return new ScriptedFtpServer((line, session) =>
            {
                if (line == "FEAT") return FeatWithMlst;
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("MLSD", StringComparison.Ordinal)) return Transfer(session, string.Join("\r\n", AllHostileNames.Select(mlsdLine)) + "\r\n");
                if (line.StartsWith("LIST", StringComparison.Ordinal)) return Transfer(session, string.Join("\r\n", AllHostileNames.Select(listLine)) + "\r\n");
                if (line.StartsWith("NLST", StringComparison.Ordinal)) return Transfer(session, string.Join("\r\n", AllHostileNames) + "\r\n");
                if (line.StartsWith("RETR", StringComparison.Ordinal)) return Transfer(session, "hello");
                if (line.StartsWith("MDTM", StringComparison.Ordinal)) return "213 20261121050527\r\n";
                return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
            });
        }

        private static void AssertInside(string directory, FtpListItem item)
        {
            var normalized = FtpPath.Normalize(item.FullName, "/");
            Assert.True(normalized.StartsWith(directory + "/", StringComparison.Ordinal), "\"" + item.Name + "\" came back as " + item.FullName + ", which is " + normalized + ": outside " + directory);
        }

        // ------------------------------------------------------------ path traversal in listing names

        // RemoteNameGuard refuses unsafe names when they are listed: no item comes back whose FullName leaves the listed folder.
        [Fact]
        public void MlsdNamesNeverComeBackEscapingTheListedDirectory()
        {
            using var server = ListingServer(MlsdLine, ListLine);
            using var client = Connected(server);

            var listing = client.ListDirectory("/in", None);

            Assert.All(listing.Items, item => AssertInside("/in", item));
        }

        [Fact]
        public void ListNamesNeverComeBackEscapingTheListedDirectory()
        {
            // No MLST in FEAT: the listing comes from LIST and the Unix parser.
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line == "EPSV") return Epsv(session);
                if (line.StartsWith("LIST", StringComparison.Ordinal)) return Transfer(session, string.Join("\r\n", AllHostileNames.Select(ListLine)) + "\r\n");
                return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
            });
            using var client = Connected(server);

            var listing = client.ListDirectory("/in", None);

            Assert.Equal(FtpListingParserChain.ListCommand, listing.Command);
            Assert.All(listing.Items, item => AssertInside("/in", item));
        }

        [Fact]
        public void NlstNamesComeBackAsSingleSegmentsWithoutDotEntries()
        {
            using var server = ListingServer(MlsdLine, ListLine);
            using var client = Connected(server);

            var names = client.ListNames("/in", None);

            Assert.NotEmpty(names);
            Assert.All(names, name =>
            {
                Assert.DoesNotContain("/", name);
                Assert.NotEqual("..", name);
                Assert.NotEqual(".", name);
            });
            Assert.Contains(new string('n', 10_000), names);
        }

        [Fact]
        public void HostileListingNamesNeverLeadToAFileOutsideTheDestination()
        {
            using var server = ListingServer(MlsdLine, ListLine);
            using var client = Connected(server);
            var destination = Directory.CreateDirectory(Path.Combine(sandbox, "destination")).FullName;
            var transfers = new LocalFileTransfers(client);
            var refused = new List<string>();
            var failed = new List<string>();

            // A name is refused by the listing itself (RemoteNameGuard) or, failing that, when the local target is chosen.
            var listing = client.ListDirectory("/in", None);
            refused.AddRange(listing.RefusedEntries.Select(entry => entry.Name));
            foreach (var item in listing.Items)
            {
                string target;
                try
                {
                    target = TransferTargets.ForDownload(destination, true, item.Name);
                }
                catch (UnsafeRemoteNameException)
                {
                    refused.Add(item.Name);
                    continue;
                }

                try
                {
                    transfers.DownloadToFile(item, target, FtpIfExists.Overwrite, null, None);
                }
                catch (IOException exception)
                {
                    // 10,000 characters exceed every file system's name limit: a clear local error, nothing written.
                    Assert.Contains("too long", exception.Message, StringComparison.OrdinalIgnoreCase);
                    failed.Add(item.Name);
                }
            }

            var outside = Directory.GetFileSystemEntries(sandbox, "*", SearchOption.AllDirectories).Where(p => !LocalNameGuard.IsInside(destination, p)).ToList();
            Assert.Empty(outside);
            Assert.All(Directory.GetFiles(destination), file => Assert.Equal(destination, Path.GetDirectoryName(file)));
            Assert.DoesNotContain(Directory.GetFiles(destination), file => file.EndsWith(TransferTargets.PartialSuffix, StringComparison.Ordinal));
            foreach (var name in new[] { "..\\..\\win.ini", "C:\\Windows\\evil.dll", "nul\0byte.txt", "bell\u0007.txt", " .. ", "..." })
                Assert.Contains(name, refused);
            Assert.Contains(new string('n', 10_000), failed);
            Assert.True(File.Exists(Path.Combine(destination, "ordinary.txt")));
        }

        // ------------------------------------------------------------ passive replies

        [Theory]
        [InlineData("229 Entering Extended Passive Mode (|||22|)\r\n", "port 22")]
        [InlineData("229 Entering Extended Passive Mode (|||1023|)\r\n", "port 1023")]
        [InlineData("227 Entering Passive Mode (127,0,0,1,0,25).\r\n", "port 25")]
        [InlineData("227 Entering Passive Mode (127,0,0,1,0,0).\r\n", "port 0")]
        public void PassiveReplyNamingAPrivilegedPortIsRefusedBeforeConnecting(string passiveReply, string named)
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line == "EPSV" || line == "PASV" ? passiveReply : ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n");
            using var client = Connected(server, o => o.DataConnectionMode = passiveReply.StartsWith("227", StringComparison.Ordinal) ? FtpDataConnectionMode.Passive : FtpDataConnectionMode.ExtendedPassive);

            var error = Assert.Throws<FtpProtocolException>(() => client.Download("/file", new MemoryStream(), 0, null, None));

            Assert.Equal(FtpPhase.DataConnection, error.Phase);
            Assert.Contains(named + ", a privileged port", error.Message);
            Assert.DoesNotContain(server.Received, l => l.StartsWith("RETR", StringComparison.Ordinal));
            Assert.True(client.IsConnected);
        }

        [Fact]
        public void PasvNamingAnotherHostsPrivilegedPortIsRefusedEvenWhenServerAddressesAreTrusted()
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line == "PASV" ? "227 Entering Passive Mode (127,0,0,2,0,25).\r\n" : ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n");
            using var client = Connected(server, o =>
            {
                o.DataConnectionMode = FtpDataConnectionMode.Passive;
                o.UseServerPassiveAddress = true;
            });

            var error = Assert.Throws<FtpProtocolException>(() => client.ListDirectory("/", None));

            Assert.Contains("privileged port", error.Message);
        }

        [Theory]
        [InlineData("227 Entering Passive Mode (127,0,0,1,117).\r\n")]
        [InlineData("227 Entering Passive Mode (127,0,0,1,256,1).\r\n")]
        [InlineData("227 Entering Passive Mode (1,123,59).\r\n")]
        [InlineData("227 Entering Passive Mode\r\n")]
        [InlineData("227 Entering Passive Mode (\u0661\u0662\u0667,\u0660,\u0660,\u0661,\u0664,\u0661)\r\n")]
        [InlineData("229 Entering Extended Passive Mode (|||70000|)\r\n")]
        [InlineData("229 Entering Extended Passive Mode (|||-1|)\r\n")]
        [InlineData("229 Entering Extended Passive Mode (|1|127.0.0.1|30157|)\r\n")]
        [InlineData("229 Entering Extended Passive Mode (||||)\r\n")]
        [InlineData("229 Entering Extended Passive Mode\r\n")]
        public void MalformedPassiveReplyIsAProtocolErrorAndTheSessionStaysUsable(string passiveReply)
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line == "EPSV" || line == "PASV" ? passiveReply : ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n");
            using var client = Connected(server, o => o.DataConnectionMode = passiveReply.StartsWith("227", StringComparison.Ordinal) ? FtpDataConnectionMode.Passive : FtpDataConnectionMode.ExtendedPassive);

            var error = Assert.Throws<FtpProtocolException>(() => client.Download("/file", new MemoryStream(), 0, null, None));

            Assert.Contains("does not contain a valid address and port", error.Message);
            Assert.Equal("/file", error.RemotePath);
            Assert.True(client.IsConnected);
            Assert.Equal(502, client.Execute("NOOP", None).Code);
        }

        // ------------------------------------------------------------ replies that never end, huge or slow replies

        [Fact]
        public void MultiLineReplyThatNeverEndsIsRefusedAtTheReplyCap()
        {
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line != "FEAT") return ScriptedFtpServer.Login(line);
                session.Write("211-Features:\r\n");
                var feature = Encoding.ASCII.GetBytes(" X-FEATURE " + new string('x', 100) + "\r\n");
                for (long sent = 0; sent < 256L * 1024 * 1024; sent += feature.Length) session.Control.Write(feature, 0, feature.Length);
                return null;
            });
            using var client = Client(server, o => o.ReadTimeout = TimeSpan.FromSeconds(30));
            var watch = Stopwatch.StartNew();

            var error = Assert.Throws<FtpProtocolException>(() => client.Connect(None));

            Assert.Contains("more than " + FtpReplyReader.MaxReplyCharacters + " characters", error.Message);
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            Assert.False(client.IsConnected);
        }

        [Fact]
        public void ReplyOfMoreThanOneMebibyteIsRefused()
        {
            var lines = string.Concat(Enumerable.Repeat(" " + new string('y', 1023) + "\r\n", 1100));
            using var server = new ScriptedFtpServer((line, session) => line == "HELP" ? "214-Help\r\n" + lines + "214 End\r\n" : ScriptedFtpServer.Login(line));
            using var client = Connected(server);

            var error = Assert.Throws<FtpProtocolException>(() => client.Execute("HELP", None));

            Assert.Contains("multi-line reply of more than", error.Message);
            Assert.False(client.IsConnected);
        }

        [Fact]
        public void ReplyOfHalfAMebibyteIsReadWhole()
        {
            var lines = string.Concat(Enumerable.Repeat(" " + new string('y', 1023) + "\r\n", 512));
            using var server = new ScriptedFtpServer((line, session) => line == "HELP" ? "214-Help\r\n" + lines + "214 End\r\n" : ScriptedFtpServer.Login(line));
            using var client = Connected(server);

            var reply = client.Execute("HELP", None);

            Assert.Equal(214, reply.Code);
            Assert.Equal(514, reply.Lines.Count);
        }

        [Fact]
        public void ReplyDrippingOneByteAtATimeIsBoundedByTheReadTimeoutForTheWholeReply()
        {
            // Each byte comes well within the read timeout, so a per-read timeout alone would wait for all of them (here 10 s; at 1 byte/s an 8 KiB line takes 2 h).
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line != "NOOP") return ScriptedFtpServer.Login(line);
                Drip(session, "200 " + new string('z', 40) + "\r\n", TimeSpan.FromMilliseconds(250));
                return string.Empty;
            });
            using var client = Connected(server, o => o.ReadTimeout = TimeSpan.FromSeconds(2));
            var watch = Stopwatch.StartNew();

            var error = Assert.Throws<FtpConnectionException>(() => client.Execute("NOOP", None));

            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
            Assert.Contains("did not answer NOOP within 2 s", error.Message);
            Assert.True(error.IsTransient);
            Assert.False(client.IsConnected);
        }

        // ------------------------------------------------------------ SIZE and MDTM

        [Theory]
        [InlineData("-1")]
        [InlineData("-9223372036854775808")]
        [InlineData("9223372036854775808")]
        [InlineData("99999999999999999999999")]
        [InlineData("12abc")]
        [InlineData("")]
        public void SizeThatIsNegativeOrBeyond64BitsIsACommandErrorAndTheSessionStaysUsable(string size)
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line.StartsWith("SIZE", StringComparison.Ordinal) ? "213 " + size + "\r\n" : ScriptedFtpServer.Login(line) ?? "200 OK\r\n");
            using var client = Connected(server);

            var error = Assert.Throws<FtpCommandException>(() => client.GetSize("/big", None));

            Assert.Contains("SIZE /big with 213", error.Message);
            Assert.Equal("/big", error.RemotePath);
            Assert.True(client.IsConnected);
        }

        [Fact]
        public void SizeOfTwoToThe63MinusOneIsRead()
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line.StartsWith("SIZE", StringComparison.Ordinal) ? "213 9223372036854775807\r\n" : ScriptedFtpServer.Login(line));
            using var client = Connected(server);

            Assert.Equal(long.MaxValue, client.GetSize("/big", None));
        }

        [Theory]
        [InlineData("garbage")]
        [InlineData("99999999999999")]
        [InlineData("20261321050527")]
        [InlineData("2026112105052")]
        [InlineData("20261121050527.")]
        [InlineData("-20261121050527")]
        [InlineData("")]
        public void GarbageMdtmGivesNoTime(string stamp)
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line.StartsWith("MDTM", StringComparison.Ordinal) ? "213 " + stamp + "\r\n" : ScriptedFtpServer.Login(line));
            using var client = Connected(server);

            Assert.Null(client.GetModifiedTime("/file", None));
            Assert.True(client.IsConnected);
        }

        // ------------------------------------------------------------ TLS

        [Fact]
        public void AuthTlsAnsweredWith234AndPlainTextInTheSamePacketIsRefused()
        {
            using var server = new ScriptedFtpServer((line, session) => line == "AUTH TLS" ? "234 Proceed\r\n220 but here is plain text\r\n" : ScriptedFtpServer.Login(line));
            using var client = Client(server, o => o.Encryption = FtpEncryption.Explicit);

            var error = Assert.Throws<FtpProtocolException>(() => client.Connect(None));

            Assert.Equal(FtpPhase.Tls, error.Phase);
            Assert.Contains("sent data after its reply to AUTH TLS", error.Message);
        }

        [Fact]
        public void AuthTlsAnsweredWith234ThenPlainTextIsATlsErrorWithinTheTimeout()
        {
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line != "AUTH TLS") return ScriptedFtpServer.Login(line) != null ? ScriptedFtpServer.Login(line) : string.Empty;
                session.Write("234 Proceed\r\n");
                Thread.Sleep(300);
                return "220 plain text where the TLS handshake should be\r\n";
            });
            using var client = Client(server, o => o.Encryption = FtpEncryption.Explicit);
            var watch = Stopwatch.StartNew();

            var error = Assert.Throws<FtpTlsException>(() => client.Connect(None));

            Assert.Contains("TLS handshake on the control connection failed", error.Message);
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        }

        [Fact]
        public void DataConnectionPresentingAnotherCertificateIsRefused()
        {
            using var controlCertificate = TlsScriptedFtpServer.CreateCertificate("control.test");
            using var dataCertificate = TlsScriptedFtpServer.CreateCertificate("impostor.test");
            using var server = new TlsScriptedFtpServer(controlCertificate, dataCertificate, Encoding.ASCII.GetBytes("secret data"));
            var options = new FtpClientOptions("127.0.0.1")
            {
                Port = server.Port,
                Encryption = FtpEncryption.Explicit,
                Credential = new System.Net.NetworkCredential("user", "secret"),
                ReadTimeout = TimeSpan.FromSeconds(5),
                DataTimeout = TimeSpan.FromSeconds(5),
            };
            options.PinnedCertificateThumbprints.Add(controlCertificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
            using var client = new FtpClient(options);
            client.Connect(None);
            var sink = new MemoryStream();

            var error = Assert.Throws<FtpTlsException>(() => client.Download("/file", sink, 0, null, None));

            Assert.Contains("data connection presented a different certificate from the control connection", error.Message);
            Assert.Equal(0, sink.Length);
        }

        [Fact]
        public void DataConnectionPresentingTheControlCertificateIsAccepted()
        {
            using var certificate = TlsScriptedFtpServer.CreateCertificate("control.test");
            using var server = new TlsScriptedFtpServer(certificate, certificate, Encoding.ASCII.GetBytes("secret data"));
            var options = new FtpClientOptions("127.0.0.1") { Port = server.Port, Encryption = FtpEncryption.Explicit, ReadTimeout = TimeSpan.FromSeconds(5), DataTimeout = TimeSpan.FromSeconds(5) };
            options.PinnedCertificateThumbprints.Add(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
            using var client = new FtpClient(options);
            client.Connect(None);
            var sink = new MemoryStream();

            client.Download("/file", sink, 0, null, None);

            Assert.Equal("secret data", Encoding.ASCII.GetString(sink.ToArray()));
        }

        // ------------------------------------------------------------ paths from the caller

        private static readonly Dictionary<string, Action<FtpClient, string>> PathOperationsByName = new Dictionary<string, Action<FtpClient, string>>
        {
            ["Download"] = (c, p) => c.Download(p, new MemoryStream(), 0, null, None),
            ["Upload"] = (c, p) => c.Upload(new MemoryStream(new byte[3]), p, FtpUploadMode.Overwrite, null, None),
            ["ListDirectory"] = (c, p) => c.ListDirectory(p, None),
            ["ListNames"] = (c, p) => c.ListNames(p, None),
            ["GetItem"] = (c, p) => c.GetItem(p, None),
            ["GetSize"] = (c, p) => c.GetSize(p, None),
            ["GetModifiedTime"] = (c, p) => c.GetModifiedTime(p, None),
            ["DeleteFile"] = (c, p) => c.DeleteFile(p, None),
            ["CreateDirectory"] = (c, p) => c.CreateDirectory(p, true, None),
            ["RemoveDirectory"] = (c, p) => c.RemoveDirectory(p, true, None),
            ["ChangeDirectory"] = (c, p) => c.ChangeDirectory(p, None),
            ["RenameTarget"] = (c, p) => c.Rename("/good.txt", p, None),
            ["SetModifiedTime"] = (c, p) => c.SetModifiedTime(p, DateTimeOffset.UtcNow, None),
            ["GetHash"] = (c, p) => c.GetHash(p, null, None),
        };

        public static IEnumerable<object[]> PathOperations() =>
            from operation in PathOperationsByName.Keys
            from path in new[] { "a.txt\r\nDELE /important", "a.txt\nDELE /important", "a.txt\rDELE /important", "keep.txt\0.bak" }
            select new object[] { operation, path };

        [Theory]
        [MemberData(nameof(PathOperations))]
        public void PathWithCrLfOrNulIsRefusedBeforeAnyCommandIsSent(string operation, string path)
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line == "FEAT" ? FeatWithMlst : ScriptedFtpServer.Login(line) ?? (line == "EPSV" ? Epsv(session) : "250 OK\r\n"));
            using var client = Connected(server);
            var before = server.Received.Count;

            var error = Assert.Throws<ArgumentException>(() => PathOperationsByName[operation](client, path));

            Assert.Contains("Nothing was sent", error.Message);
            Assert.Equal(before, server.Received.Count);
            Assert.True(client.IsConnected);
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using Xunit;

namespace FtpTools.Engine.Tests.Faults
{
    public class FaultTests
    {
        private static FtpClient Client(ScriptedFtpServer server, Action<FtpClientOptions>? configure = null) => HostileScript.Client(server, configure);

        [Fact]
        public void EpsvRefusedFallsBackToPasvOnceAndRemembersIt()
        {
            var payload = Encoding.ASCII.GetBytes("hello");
            using var server = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line) ?? Script(line, session));
            using var client = Client(server);
            client.Connect(CancellationToken.None);
            for (var i = 0; i < 2; i++)
            {
                using var sink = new MemoryStream();
                client.Download("/file", sink, 0, null, CancellationToken.None);
                Assert.Equal(payload, sink.ToArray());
            }

            Assert.Equal(FtpDataConnectionMode.Passive, client.EffectiveDataConnectionMode);
            Assert.Equal(1, server.Received.Count(l => l == "EPSV"));
            Assert.Equal(2, server.Received.Count(l => l == "PASV"));

            string? Script(string line, ScriptedFtpServer.ScriptedSession session)
            {
                if (line == "EPSV") return "500 EPSV not understood\r\n";
                if (line == "PASV")
                {
                    var port = session.OpenPassive();
                    return "227 Entering Passive Mode (127,0,0,1," + port / 256 + "," + port % 256 + ").\r\n";
                }

                if (line.StartsWith("RETR", StringComparison.Ordinal))
                {
                    session.Write("150 Opening\r\n");
                    session.SendData(payload);
                    return "226 Done\r\n";
                }

                return "502 Not implemented\r\n";
            }
        }

        [Fact]
        public void PasvAddressOfAThirdHostIsIgnoredByDefault()
        {
            using var server = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line) ?? ThirdHostScript(line, session));
            using var client = Client(server, o => o.DataConnectionMode = FtpDataConnectionMode.Passive);
            client.Connect(CancellationToken.None);
            using var sink = new MemoryStream();
            client.Download("/file", sink, 0, null, CancellationToken.None);
            Assert.Equal("data", Encoding.ASCII.GetString(sink.ToArray()));
        }

        [Fact]
        public void PasvAddressIsUsedWhenTrustedAndThenFailsWithAnActionableMessage()
        {
            using var server = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line) ?? ThirdHostScript(line, session));
            using var client = Client(server, o =>
            {
                o.DataConnectionMode = FtpDataConnectionMode.Passive;
                o.UseServerPassiveAddress = true;
                o.DataTimeout = TimeSpan.FromSeconds(1);
            });
            client.Connect(CancellationToken.None);
            var error = Assert.Throws<FtpConnectionException>(() => client.Download("/file", new MemoryStream(), 0, null, CancellationToken.None));
            Assert.Equal(FtpPhase.DataConnection, error.Phase);
            Assert.Contains("passive mode (PASV) to 127.0.0.99:", error.Message);
            Assert.Contains("firewall", error.Message);
            Assert.Equal("/file", error.RemotePath);
            Assert.True(client.IsConnected, "a failed data connection must not end the session");
        }

        [Fact]
        public void ActiveModeWithAServerThatNeverConnectsBackFailsAfterTheDataTimeoutNotTheReadTimeout()
        {
            // Like vsftpd behind a client firewall that drops its SYN: it says nothing until its own connect times out.
            using var server = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line)
                ?? (line.StartsWith("PORT ", StringComparison.Ordinal) ? "200 PORT command successful\r\n" : string.Empty));
            using var client = Client(server, o =>
            {
                o.DataConnectionMode = FtpDataConnectionMode.Active;
                o.ReadTimeout = TimeSpan.FromSeconds(30);
                o.DataTimeout = TimeSpan.FromSeconds(1);
            });
            client.Connect(CancellationToken.None);
            var started = DateTime.UtcNow;
            var error = Assert.Throws<FtpConnectionException>(() => client.ListDirectory("/", CancellationToken.None));
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            Assert.Equal(FtpPhase.DataConnection, error.Phase);
            Assert.Contains("Active mode needs inbound connections", error.Message);
            Assert.Contains("passive mode", error.Message);
            Assert.False(client.IsConnected, "the server's late reply would put the session out of step");
        }

        // Announces 127.0.0.99 (nothing listens there) while listening on 127.0.0.1: the classic NAT misconfiguration.
        private static string? ThirdHostScript(string line, ScriptedFtpServer.ScriptedSession session)
        {
            if (line == "PASV")
            {
                var port = session.OpenPassive();
                return "227 Entering Passive Mode (127,0,0,99," + port / 256 + "," + port % 256 + ").\r\n";
            }

            if (line.StartsWith("RETR", StringComparison.Ordinal))
            {
                session.Write("150 Opening\r\n");
                session.SendData(Encoding.ASCII.GetBytes("data"));
                return "226 Done\r\n";
            }

            return "502 Not implemented\r\n";
        }

        [Fact]
        public void GarbageGreetingIsAProtocolError()
        {
            using var server = new ScriptedFtpServer((line, session) => null, "SSH-2.0-OpenSSH_9.2\r\n");
            using var client = Client(server);
            Assert.Throws<FtpProtocolException>(() => client.Connect(CancellationToken.None));
        }

        [Fact]
        public void OverlongReplyLineIsRefused()
        {
            using var server = new ScriptedFtpServer((line, session) => null, "220 " + new string('x', 20000) + "\r\n");
            using var client = Client(server);
            var error = Assert.Throws<FtpProtocolException>(() => client.Connect(CancellationToken.None));
            Assert.Contains("8192", error.Message);
        }

        [Fact]
        public void ServerThatStopsAnsweringTimesOut()
        {
            using var server = new ScriptedFtpServer((line, session) => line == "PWD" ? string.Empty : ScriptedFtpServer.Login(line));
            using var client = Client(server, o => o.ReadTimeout = TimeSpan.FromMilliseconds(500));
            var error = Assert.Throws<FtpConnectionException>(() => client.Connect(CancellationToken.None));
            Assert.Contains("did not answer PWD", error.Message);
            Assert.True(error.IsTransient);
        }

        [Fact]
        public void ServerThatHangsUpIsAConnectionError()
        {
            using var server = new ScriptedFtpServer((line, session) => line == "SYST" ? null : ScriptedFtpServer.Login(line));
            using var client = Client(server);
            var error = Assert.Throws<FtpConnectionException>(() => client.Connect(CancellationToken.None));
            Assert.Contains("closed the control connection", error.Message);
        }

        [Fact]
        public void WrongPasswordIsALoginError()
        {
            using var server = new ScriptedFtpServer((line, session) => line.StartsWith("PASS", StringComparison.Ordinal) ? "530 Login incorrect.\r\n" : ScriptedFtpServer.Login(line));
            using var client = Client(server);
            var error = Assert.Throws<FtpCommandException>(() => client.Connect(CancellationToken.None));
            Assert.Equal(FtpPhase.Login, error.Phase);
            Assert.Equal(530, error.ReplyCode);
            Assert.DoesNotContain("secret", error.ToString());
        }

        [Fact]
        public void CancellationWhileWaitingForAReplyEndsTheCallPromptly()
        {
            using var server = new ScriptedFtpServer((line, session) => line == "NOOP" ? string.Empty : ScriptedFtpServer.Login(line));
            using var client = Client(server, o => o.ReadTimeout = TimeSpan.FromSeconds(30));
            client.Connect(CancellationToken.None);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.ThrowsAny<OperationCanceledException>(() => client.Execute("NOOP", cancel.Token));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "cancellation took " + watch.Elapsed);
            Assert.False(client.IsConnected);
        }

        [Fact]
        public void InjectedLineBreakIsRefusedBeforeAnythingIsSent()
        {
            using var server = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line) ?? "250 OK\r\n");
            using var client = Client(server);
            client.Connect(CancellationToken.None);
            var before = server.Received.Count;
            Assert.Throws<ArgumentException>(() => client.DeleteFile("a.txt\r\nRMD /important", CancellationToken.None));
            client.Execute("NOOP", CancellationToken.None);
            Assert.Equal(before + 1, server.Received.Count);
            Assert.DoesNotContain(server.Received, l => l.StartsWith("RMD", StringComparison.Ordinal));
        }

        [Fact]
        public void TraceMasksThePassword()
        {
            var trace = new System.Collections.Generic.List<FtpTraceEntry>();
            using var server = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line));
            using var client = Client(server, o => o.Trace = trace.Add);
            client.Connect(CancellationToken.None);
            Assert.Contains(trace, e => e.Direction == FtpTraceDirection.Sent && e.Text == "PASS ********");
            Assert.DoesNotContain(trace, e => e.Text.Contains("secret"));
            Assert.Contains(server.Received, l => l == "PASS secret");
        }

        [Fact]
        public void ExplicitTlsRefusedByTheServerSaysSo()
        {
            using var server = new ScriptedFtpServer((line, session) => line == "AUTH TLS" ? "500 AUTH not understood\r\n" : ScriptedFtpServer.Login(line));
            using var client = Client(server, o => o.Encryption = FtpEncryption.Explicit);
            var error = Assert.Throws<FtpTlsException>(() => client.Connect(CancellationToken.None));
            Assert.Equal(500, error.ReplyCode);
            Assert.Contains("refused AUTH TLS", error.Message);
        }
    }
}

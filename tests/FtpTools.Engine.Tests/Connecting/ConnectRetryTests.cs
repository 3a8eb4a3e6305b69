using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Retrying;
using FtpTools.Engine.Tests.Diagnostics;
using FtpTools.Engine.Tests.Faults;
using Xunit;

namespace FtpTools.Engine.Tests.Connecting
{
    /// <summary>A session's first connection is tried again after transient failures, with the transfers' back-off; permanent ones fail at once.</summary>
    public sealed class ConnectRetryTests
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private static readonly RetryPolicy ThreeRetries = new RetryPolicy(3, TimeSpan.FromSeconds(5));
        private readonly SteppingClock clock = new SteppingClock();
        private readonly List<string> retried = new List<string>();

        [Fact]
        public void ARefusedConnectionIsTriedAgainUntilTheServerListens()
        {
            var port = ProbeScripts.ClosedPort();
            ScriptedFtpServer? server = null;
            try
            {
                var retry = new ConnectRetry(ThreeRetries, (delay, token) =>
                {
                    clock.Wait(delay, token);
                    if (clock.Waits.Count == 2) server = new ScriptedFtpServer(LoginOnly, port: port);
                }, retried.Add);

                var connection = retry.Open(Connector(port), None);

                Assert.True(connection.IsConnected);
                Assert.Equal(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10) }, clock.Waits);
                Assert.Equal(2, retried.Count);
                Assert.Contains("Connecting to 127.0.0.1:" + port + " failed (attempt 1 of 4): Could not connect", retried[0]);
                Assert.EndsWith("Trying again in 5 s.", retried[0]);
                Assert.Contains("(attempt 2 of 4)", retried[1]);
                Assert.EndsWith("Trying again in 10 s.", retried[1]);
                RemoteConnectionSlot.CloseQuietly(connection);
            }
            finally
            {
                server?.Dispose();
            }
        }

        [Fact]
        public void A421GreetingIsTriedAgainAndTheNext220Connects()
        {
            using var server = new ScriptedFtpServer(LoginOnly) { Greetings = n => n == 1 ? "421 Too many users, try again later\r\n" : "220 ready\r\n" };

            var slot = RemoteConnectionSlot.Open(Connector(server.Port), Retry(ThreeRetries), None);

            Assert.True(slot.Current.IsConnected);
            Assert.Equal(2, server.Connections);
            Assert.Equal(new[] { TimeSpan.FromSeconds(5) }, clock.Waits);
            Assert.Contains("421 Too many users", Assert.Single(retried));
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [Fact]
        public void WhenEveryAttemptFailsTheErrorKeepsItsIdAndCategoryAndSaysHowOftenItWasTried()
        {
            var port = ProbeScripts.ClosedPort();

            var error = Assert.Throws<FtpConnectionException>(() => Retry(ThreeRetries).Open(Connector(port), None));

            Assert.Equal(new[] { 5, 10, 20 }, clock.Waits.Select(w => (int)w.TotalSeconds));
            Assert.Equal(4, error.Attempts);
            Assert.EndsWith(" Tried 4 times.", error.Message);
            var classification = FtpErrorClassifier.Classify(error);
            Assert.Equal(FtpErrorIds.ConnectFailed, classification.ErrorId);
            Assert.Equal(FtpErrorKind.ConnectionError, classification.Kind);
        }

        [Fact]
        public void RetryCountZeroConnectsOnceAndTheErrorIsTheOneOfASingleAttempt()
        {
            using var server = new ScriptedFtpServer(LoginOnly, greeting: "421 Service not available\r\n");

            var error = Assert.Throws<FtpConnectionException>(() => Retry(RetryPolicy.None).Open(Connector(server.Port), None));

            Assert.Equal(1, server.Connections);
            Assert.Empty(clock.Waits);
            Assert.Equal(1, error.Attempts);
            Assert.DoesNotContain("Tried", error.Message);
            Assert.Equal(FtpErrorIds.ConnectFailed, FtpErrorClassifier.Classify(error).ErrorId);
        }

        [Fact]
        public void A530LoginRefusalIsNotTriedAgain()
        {
            using var server = new ScriptedFtpServer((line, session) => line.StartsWith("PASS", StringComparison.Ordinal) ? "530 Login incorrect.\r\n" : ScriptedFtpServer.Login(line));

            var error = Assert.Throws<FtpCommandException>(() => Retry(ThreeRetries).Open(Connector(server.Port), None));

            Assert.Equal(1, server.Connections);
            Assert.Empty(clock.Waits);
            Assert.Empty(retried);
            Assert.Equal(FtpErrorIds.LoginFailed, FtpErrorClassifier.Classify(error).ErrorId);
        }

        [Fact]
        public void AnUntrustedCertificateIsNotTriedAgain()
        {
            using var certificate = TlsScriptedFtpServer.CreateCertificate("untrusted.example");
            using var server = new TlsScriptedFtpServer(certificate, certificate, Array.Empty<byte>());

            var error = Assert.Throws<FtpTlsException>(() => Retry(ThreeRetries).Open(Connector(server.Port, FtpEncryption.Explicit), None));

            Assert.Equal(FtpFailureCause.CertificateUntrusted, error.Cause);
            Assert.Empty(clock.Waits);
            Assert.Equal(1, error.Attempts);
            Assert.Equal(FtpErrorIds.TlsFailed, FtpErrorClassifier.Classify(error).ErrorId);
        }

        [Fact]
        public void ATlsHandshakeTheServerCutsOffIsTriedAgain()
        {
            // 234 to AUTH TLS, then the server hangs up before the handshake: what a server restarting or shedding load does.
            using var server = new ScriptedFtpServer((line, session) =>
            {
                if (line != "AUTH TLS") return ScriptedFtpServer.Login(line);
                session.Write("234 Proceed\r\n");
                return null;
            });

            var error = Assert.Throws<FtpTlsException>(() => Retry(new RetryPolicy(2, TimeSpan.FromSeconds(1))).Open(Connector(server.Port, FtpEncryption.Explicit), None));

            Assert.Equal(3, server.Connections);
            Assert.Equal(new[] { 1, 2 }, clock.Waits.Select(w => (int)w.TotalSeconds));
            Assert.Equal(3, error.Attempts);
            Assert.Equal(FtpErrorIds.TlsFailed, FtpErrorClassifier.Classify(error).ErrorId);
        }

        [Fact]
        public void AHostNameThatDoesNotResolveIsNotTriedAgain()
        {
            var settings = new ConnectionSettings("no-such-host.invalid") { Encryption = FtpEncryption.None, Timeout = TimeSpan.FromSeconds(5) };

            var error = Assert.Throws<FtpConnectionException>(() => Retry(ThreeRetries).Open(new RemoteConnector(ConnectionPlan.From(settings), string.Empty), None));

            Assert.Empty(clock.Waits);
            Assert.Equal(FtpErrorIds.ConnectFailed, FtpErrorClassifier.Classify(error).ErrorId);
        }

        [Fact]
        public void CancellingDuringTheWaitEndsItAtOnceWithoutAnotherAttempt()
        {
            using var server = new ScriptedFtpServer(LoginOnly, greeting: "421 Service not available\r\n");
            using var cancellation = new CancellationTokenSource();
            var retry = new ConnectRetry(new RetryPolicy(3, TimeSpan.FromMinutes(10)), RetryWait.Sleep, message => cancellation.CancelAfter(TimeSpan.FromMilliseconds(200)));
            var watch = Stopwatch.StartNew();

            Assert.ThrowsAny<OperationCanceledException>(() => retry.Open(Connector(server.Port), cancellation.Token));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the wait ended after " + watch.Elapsed);
            Assert.Equal(1, server.Connections);
        }

        [Fact]
        public void AReconnectOfTheSlotGoesThroughTheSamePath()
        {
            using var server = new ScriptedFtpServer(LoginOnly);
            var slot = RemoteConnectionSlot.Open(Connector(server.Port), None);
            slot.Current.Disconnect(None); // the scripted server serves one connection at a time
            server.Greetings = n => n == 2 ? "421 Restarting\r\n" : "220 ready\r\n";

            slot.Reconnect(Retry(ThreeRetries), None);

            Assert.Equal(3, server.Connections);
            Assert.Equal(1, slot.Reconnects);
            Assert.Single(clock.Waits);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        [Fact]
        public void ARepeatedRequestReconnectsThroughTheSamePath()
        {
            var sizeRequests = 0;
            using var server = new ScriptedFtpServer((line, session) =>
                ScriptedFtpServer.Login(line) ?? (line.StartsWith("SIZE", StringComparison.Ordinal) && Interlocked.Increment(ref sizeRequests) > 1 ? "213 5\r\n" : null));
            var slot = RemoteConnectionSlot.Open(Connector(server.Port), None);
            server.Greetings = n => n == 2 ? "421 Restarting\r\n" : "220 ready\r\n";
            string? reason = null;

            var size = slot.Repeatable(fs => fs.GetSize("/x", None), why => reason = why, Retry(ThreeRetries), None);

            Assert.Equal(5, size);
            Assert.NotNull(reason);
            Assert.Equal(3, server.Connections);
            Assert.Equal(1, slot.Reconnects);
            Assert.Single(clock.Waits);
            RemoteConnectionSlot.CloseQuietly(slot.Current);
        }

        private static string? LoginOnly(string line, ScriptedFtpServer.ScriptedSession session) => ScriptedFtpServer.Login(line);

        private ConnectRetry Retry(RetryPolicy policy) => new ConnectRetry(policy, clock.Wait, retried.Add);

        /// <summary>The TLS handshakes get 30 s: on a loaded machine a server that serves one session must not time out on the first attempt.</summary>
        private static RemoteConnector Connector(int port, FtpEncryption encryption = FtpEncryption.None) =>
            TestConnectors.To(port, "user", "secret", encryption, timeout: TimeSpan.FromSeconds(encryption == FtpEncryption.None ? 5 : 30));
    }
}

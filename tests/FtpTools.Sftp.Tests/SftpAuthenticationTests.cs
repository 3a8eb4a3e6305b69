using System;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>Passwords, keyboard-interactive and private keys (OpenSSH and PuTTY, with and without passphrase) against the real sshd.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpAuthenticationTests
    {
        private readonly SftpLabFixture lab;

        public SftpAuthenticationTests(SftpLabFixture lab)
        {
            this.lab = lab;
        }

        private LabServer Server => lab.Server;

        [LabFact]
        public void AWrongPasswordIsALoginFailureThatNamesTheUserButNotThePassword()
        {
            var error = Assert.Throws<SftpAuthenticationException>(() => SftpSessions.Connect(Server, o => o.Password = SftpSessions.Secure("wrong-secret-42")));
            Assert.Contains(Server.User, error.Message);
            Assert.DoesNotContain("wrong-secret-42", error.Message);
            var classification = FtpErrorClassifier.Classify(error);
            Assert.Equal(FtpErrorIds.LoginFailed, classification.ErrorId);
            Assert.Equal(FtpErrorKind.AuthenticationError, classification.Kind);
        }

        [LabTheory]
        [InlineData("id_ed25519")]
        [InlineData("id_rsa_passphrase")]
        [InlineData("id_ecdsa.ppk")]
        [InlineData("id_ed25519_passphrase.ppk")]
        public void EveryLabKeyFormatLogsInWithoutAPassword(string keyName)
        {
            using var session = SftpSessions.Connect(Server, o => o.PrivateKeyFiles.Add(SftpSessions.Key(Server, keyName)), withPassword: false);
            Assert.Equal("publickey", session.SessionInfo.AuthenticationMethod);
            Assert.NotEmpty(session.ListDirectory(null, System.Threading.CancellationToken.None).Directory);
        }

        [LabFact]
        public void AKeyTheServerDoesNotKnowIsALoginFailure()
        {
            var error = Assert.Throws<SftpAuthenticationException>(() => SftpSessions.Connect(Server, o => o.PrivateKeyFiles.Add(SftpSessions.Key(Server, "id_ed25519_unauthorized")), withPassword: false));
            Assert.Contains("publickey", error.Message);
        }

        [LabFact]
        public void AnUnknownKeyFallsBackToThePassword()
        {
            using var session = SftpSessions.Connect(Server, o => o.PrivateKeyFiles.Add(SftpSessions.Key(Server, "id_ed25519_unauthorized")));
            Assert.Equal("password", session.SessionInfo.AuthenticationMethod);
        }

        [LabTheory]
        [InlineData("id_rsa_passphrase")]
        [InlineData("id_ed25519_passphrase.ppk")]
        public void AWrongOrMissingPassphraseSaysWhichKeyFileAndNeverShowsThePassphrase(string keyName)
        {
            var wrong = Assert.Throws<SftpAuthenticationException>(() => SftpSessions.Connect(Server, o => o.PrivateKeyFiles.Add(SftpSessions.Key(Server, keyName, "not-the-passphrase")), withPassword: false));
            Assert.Contains(keyName, wrong.Message);
            Assert.DoesNotContain("not-the-passphrase", wrong.Message);

            var missing = Assert.Throws<SftpAuthenticationException>(() => SftpSessions.Connect(Server, o => o.PrivateKeyFiles.Add(SftpSessions.Key(Server, keyName, null)), withPassword: false));
            Assert.Contains("-KeyPassphrase", missing.Message);
        }

        [LabFact]
        public void AMissingKeyFileIsAnArgumentError()
        {
            var error = Assert.Throws<ArgumentException>(() => SftpSessions.Connect(Server, o => o.PrivateKeyFiles.Add(new SftpPrivateKeyFile("/nonexistent/id_ed25519")), withPassword: false));
            Assert.Contains("/nonexistent/id_ed25519", error.Message);
        }

        [LabFact]
        public void KeyboardInteractiveServersGetThePassword()
        {
            using var session = SftpSessions.Connect(lab.KeyboardInteractiveServer);
            Assert.Equal("keyboard-interactive", session.SessionInfo.AuthenticationMethod);
            Assert.Throws<SftpAuthenticationException>(() => SftpSessions.Connect(lab.KeyboardInteractiveServer, o => o.Password = SftpSessions.Secure("wrong")));
        }

        [LabFact]
        public void TheTraceTellsTheStoryWithoutSecrets()
        {
            var lines = new System.Collections.Generic.List<string>();
            using (var session = SftpSessions.Connect(Server, o => o.Trace = entry => lines.Add(entry.ToString())))
            {
                session.ListDirectory(null, System.Threading.CancellationToken.None);
                session.Disconnect(System.Threading.CancellationToken.None);
            }

            var text = string.Join("\n", lines);
            Assert.Contains("Connecting to " + Server.Host + " port " + Server.Port, text);
            Assert.Contains("Server SSH-2.0-OpenSSH", text);
            Assert.Contains("matches a pinned fingerprint", text);
            Assert.Contains("Key exchange ", text);
            Assert.Contains("Authentication password: accepted", text);
            Assert.Contains("SFTP readdir ", text);
            Assert.DoesNotContain(Server.Password, text);
        }

        [LabFact]
        public void AClosedPortIsATransientConnectionError()
        {
            var error = Assert.Throws<FtpConnectionException>(() => SftpSessions.Connect(Server, o => o.Port = FreePort()));
            Assert.Equal(FtpPhase.Connect, error.Phase);
            Assert.Equal(FtpErrorIds.ConnectFailed, FtpErrorClassifier.Classify(error).ErrorId);
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

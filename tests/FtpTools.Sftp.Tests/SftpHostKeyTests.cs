using System;
using System.IO;
using System.Linq;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using FtpTools.Engine.Sftp.HostKeys;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>Host-key trust against the real sshd: pins, known_hosts (plain and hashed), accept-new, changed keys.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpHostKeyTests : IDisposable
    {
        private readonly SftpLabFixture lab;
        private readonly string folder = Directory.CreateTempSubdirectory("ftptools-sftp-hostkeys-").FullName;

        public SftpHostKeyTests(SftpLabFixture lab)
        {
            this.lab = lab;
        }

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private LabServer Server => lab.Server;

        private string KnownHostsCopy(string name = "known_hosts")
        {
            var path = Path.Combine(folder, name);
            File.Copy(Server.Ssh!.KnownHostsFile, path, overwrite: true);
            return path;
        }

        [LabFact]
        public void TheRightPinConnects()
        {
            var ed25519 = Server.Ssh!.HostKeys.Single(key => key.Type == "ssh-ed25519");
            using var session = SftpSessions.Connect(Server, o => o.HostKeyFingerprints.Add(ed25519.Fingerprint), pinned: false);
            Assert.Equal(SshHostKeyTrust.Pinned, session.SessionInfo.HostKeyTrust);
            Assert.Equal(ed25519.Fingerprint, session.SessionInfo.HostKeyFingerprint);
        }

        [LabFact]
        public void AWrongPinIsRefusedAsASecurityError()
        {
            var error = Assert.Throws<SftpHostKeyException>(() => SftpSessions.Connect(Server, o => o.HostKeyFingerprints.Add("SHA256:" + new string('A', 43)), pinned: false));
            Assert.Equal(SshHostKeyProblem.PinMismatch, error.Problem);
            Assert.Contains(Server.Ssh!.HostKeys, key => key.Fingerprint == error.Fingerprint);
            var classification = FtpErrorClassifier.Classify(error);
            Assert.Equal(FtpErrorIds.HostKeyNotTrusted, classification.ErrorId);
            Assert.Equal(FtpErrorKind.SecurityError, classification.Kind);
        }

        [LabFact]
        public void AnUnknownKeyIsRefusedWithItsFingerprintAndTypeAndTheParameterToPinIt()
        {
            var error = Assert.Throws<SftpHostKeyException>(() => SftpSessions.Connect(Server, pinned: false));
            Assert.Equal(SshHostKeyProblem.Unknown, error.Problem);
            var key = Server.Ssh!.HostKeys.Single(k => k.Fingerprint == error.Fingerprint);
            Assert.Equal(key.Type, error.KeyType);
            Assert.Contains(key.Type + " key " + key.Fingerprint, error.Message);
            Assert.Contains("-HostKeyFingerprint '" + key.Fingerprint + "'", error.Message);

            // The fingerprint from the message is what it takes.
            using var session = SftpSessions.Connect(Server, o => o.HostKeyFingerprints.Add(error.Fingerprint), pinned: false);
            Assert.True(session.IsConnected);
        }

        [LabFact]
        public void TheLabKnownHostsFileIsTrustedAndTheKnownKeyTypeIsAskedFor()
        {
            var path = KnownHostsCopy();
            var ecdsaOnly = File.ReadAllLines(path).Where(line => line.Contains("ecdsa-sha2-nistp256", StringComparison.Ordinal)).ToArray();
            File.WriteAllLines(path, ecdsaOnly);
            using var session = SftpSessions.Connect(Server, o => o.KnownHostsFile = path, pinned: false);
            Assert.Equal(SshHostKeyTrust.KnownHosts, session.SessionInfo.HostKeyTrust);
            Assert.Equal("ecdsa-sha2-nistp256", session.SessionInfo.HostKeyType);
        }

        [LabFact]
        public void HashedKnownHostsEntriesAreTrusted()
        {
            var path = KnownHostsCopy();
            var result = ExternalProcess.Run(new LabEnvironment().SshKeygen, new[] { "-H", "-f", path }, TimeSpan.FromSeconds(20));
            Assert.True(result.ExitCode == 0, result.Errors);
            Assert.All(File.ReadAllLines(path).Where(line => line.Length > 0), line => Assert.StartsWith("|1|", line));
            using var session = SftpSessions.Connect(Server, o => o.KnownHostsFile = path, pinned: false);
            Assert.Equal(SshHostKeyTrust.KnownHosts, session.SessionInfo.HostKeyTrust);
        }

        [LabFact]
        public void AChangedKeyInKnownHostsIsRefusedAndSaysSo()
        {
            var path = Path.Combine(folder, "changed_hosts");
            // The other sshd's keys under this server's name: same types, different keys.
            var other = lab.KeyboardInteractiveServer.Ssh!.HostKeys;
            File.WriteAllLines(path, other.Select(key => KnownHostsFile.HostName(Server.Host, Server.Port) + " " + string.Join(' ', key.PublicKey.Split(' ').Take(2))));
            var error = Assert.Throws<SftpHostKeyException>(() => SftpSessions.Connect(Server, o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; }, pinned: false));
            Assert.Equal(SshHostKeyProblem.Changed, error.Problem);
            Assert.Contains("CHANGED", error.Message);
            Assert.Contains(error.Fingerprint, error.Message);
            Assert.Equal(other.Count, File.ReadAllLines(path).Length);
        }

        [LabFact]
        public void AcceptNewRecordsTheFirstSeenKeyThenTrustsItAndStillRefusesAChangedOne()
        {
            var path = Path.Combine(folder, "sub", "accept_new_hosts");
            using (var first = SftpSessions.Connect(Server, o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; }, pinned: false))
            {
                Assert.Equal(SshHostKeyTrust.AcceptedNew, first.SessionInfo.HostKeyTrust);
                var line = Assert.Single(File.ReadAllLines(path));
                Assert.StartsWith("[" + Server.Host + "]:" + Server.Port + " " + first.SessionInfo.HostKeyType + " ", line);
            }

            using (var second = SftpSessions.Connect(Server, o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; }, pinned: false))
                Assert.Equal(SshHostKeyTrust.KnownHosts, second.SessionInfo.HostKeyTrust);
            Assert.Single(File.ReadAllLines(path));

            // The same known-hosts name now served by another sshd: its key is a changed key.
            var recorded = File.ReadAllText(path);
            File.WriteAllText(path, recorded.Replace("]:" + Server.Port + " ", "]:" + lab.KeyboardInteractiveServer.Port + " ", StringComparison.Ordinal));
            var error = Assert.Throws<SftpHostKeyException>(() => SftpSessions.Connect(lab.KeyboardInteractiveServer, o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; }, pinned: false));
            Assert.Equal(SshHostKeyProblem.Changed, error.Problem);
            Assert.Single(File.ReadAllLines(path));
        }

        [LabFact]
        public void AcceptNewRecordsTheKeyEvenWhenTheLoginFails()
        {
            var path = Path.Combine(folder, "login_fails_hosts");
            Assert.Throws<SftpAuthenticationException>(() => SftpSessions.Connect(Server, o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; o.Password = SftpSessions.Secure("wrong"); }, pinned: false));
            Assert.Single(File.ReadAllLines(path));
        }
    }
}

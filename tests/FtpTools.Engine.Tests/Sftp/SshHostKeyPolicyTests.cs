using System;
using System.IO;
using FtpTools.Engine.Sftp;
using FtpTools.Engine.Sftp.HostKeys;
using Xunit;

namespace FtpTools.Engine.Tests.Sftp
{
    public sealed class SshHostKeyPolicyTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("ftptools-hostkeypolicy-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private string KnownHosts(params string[] lines)
        {
            var path = Path.Combine(folder, "known_hosts");
            File.WriteAllLines(path, lines);
            return path;
        }

        private static SftpConnectionOptions Options(Action<SftpConnectionOptions>? configure = null)
        {
            var options = new SftpConnectionOptions("127.0.0.1", "user") { Port = 2222 };
            configure?.Invoke(options);
            return options;
        }

        [Fact]
        public void AMatchingPinIsTrusted()
        {
            var decision = SshHostKeyPolicy.Evaluate(Options(o => { o.HostKeyFingerprints.Add(HostKeySamples.RsaFingerprint); o.HostKeyFingerprints.Add(HostKeySamples.Ed25519Fingerprint); }), HostKeySamples.Ed25519);
            Assert.True(decision.IsTrusted);
            Assert.Equal(SshHostKeyTrust.Pinned, decision.Trust);
            Assert.False(decision.RecordInKnownHosts);
        }

        [Fact]
        public void AnUnknownKeyIsRefusedWithItsFingerprintTypeAndTheParametersToTrustIt()
        {
            var decision = SshHostKeyPolicy.Evaluate(Options(), HostKeySamples.Ed25519);
            Assert.False(decision.IsTrusted);
            var refusal = decision.Refusal!;
            Assert.Equal(SshHostKeyProblem.Unknown, refusal.Problem);
            Assert.Equal(HostKeySamples.Ed25519Fingerprint, refusal.Fingerprint);
            Assert.Equal("ssh-ed25519", refusal.KeyType);
            Assert.Contains("ssh-ed25519 key " + HostKeySamples.Ed25519Fingerprint, refusal.Message);
            Assert.Contains("-HostKeyFingerprint '" + HostKeySamples.Ed25519Fingerprint + "'", refusal.Message);
            Assert.Contains("-KnownHostsFile", refusal.Message);
            Assert.Contains("-AcceptNewHostKey", refusal.Message);
            Assert.Equal(FtpErrorIds.HostKeyNotTrusted, FtpErrorClassifier.Classify(refusal).ErrorId);
            Assert.Equal(FtpErrorKind.SecurityError, FtpErrorClassifier.Classify(refusal).Kind);
        }

        [Fact]
        public void AWrongPinIsRefusedAndNamesThePins()
        {
            var decision = SshHostKeyPolicy.Evaluate(Options(o => o.HostKeyFingerprints.Add(HostKeySamples.RsaFingerprint)), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyProblem.PinMismatch, decision.Refusal!.Problem);
            Assert.Contains(HostKeySamples.RsaFingerprint, decision.Refusal.Message);
            Assert.Contains(HostKeySamples.Ed25519Fingerprint, decision.Refusal.Message);
        }

        [Fact]
        public void AKnownHostsEntryTrustsTheKeyEvenWhenAPinDiffers()
        {
            var path = KnownHosts(KnownHostsFile.FormatLine("127.0.0.1", 2222, HostKeySamples.Ed25519));
            var decision = SshHostKeyPolicy.Evaluate(Options(o => { o.KnownHostsFile = path; o.HostKeyFingerprints.Add(HostKeySamples.RsaFingerprint); }), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyTrust.KnownHosts, decision.Trust);
        }

        [Fact]
        public void HashedKnownHostsEntriesTrustTheKey()
        {
            var path = KnownHosts(HostKeySamples.HashedKnownHosts);
            Assert.Equal(SshHostKeyTrust.KnownHosts, SshHostKeyPolicy.Evaluate(Options(o => o.KnownHostsFile = path), HostKeySamples.Ed25519).Trust);
        }

        [Fact]
        public void AChangedKeyIsRefusedEvenWithAcceptNew()
        {
            var changed = KnownHostsFile.FormatLine("127.0.0.1", 2222, HostKeySamples.Ed25519).Replace("AAAAIPQRb9", "AAAAIPQRb8", StringComparison.Ordinal);
            var path = KnownHosts("# first line", changed);
            var decision = SshHostKeyPolicy.Evaluate(Options(o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; }), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyProblem.Changed, decision.Refusal!.Problem);
            Assert.Contains("CHANGED", decision.Refusal.Message);
            Assert.Contains("line 2", decision.Refusal.Message);
            Assert.Contains(HostKeySamples.Ed25519Fingerprint, decision.Refusal.Message);
            Assert.False(decision.RecordInKnownHosts);
        }

        [Fact]
        public void AKeyOfAnotherTypeThanTheKnownOnesIsRefusedEvenWithAcceptNew()
        {
            var path = KnownHosts(KnownHostsFile.FormatLine("127.0.0.1", 2222, HostKeySamples.Ecdsa));
            var decision = SshHostKeyPolicy.Evaluate(Options(o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; }), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyProblem.OtherKeyTypeKnown, decision.Refusal!.Problem);
        }

        [Fact]
        public void ARevokedKeyIsRefusedEvenWhenPinned()
        {
            var path = KnownHosts("@revoked * ssh-ed25519 " + HostKeySamples.Ed25519Base64);
            var decision = SshHostKeyPolicy.Evaluate(Options(o => o.KnownHostsFile = path), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyProblem.Revoked, decision.Refusal!.Problem);
        }

        [Fact]
        public void AcceptNewRecordsAFirstSeenKeyButNotOneThatContradictsAPin()
        {
            var path = Path.Combine(folder, "new_known_hosts");
            var decision = SshHostKeyPolicy.Evaluate(Options(o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; }), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyTrust.AcceptedNew, decision.Trust);
            Assert.True(decision.RecordInKnownHosts);
            Assert.False(File.Exists(path)); // recorded by the connector only once the key exchange succeeded

            var pinned = SshHostKeyPolicy.Evaluate(Options(o => { o.KnownHostsFile = path; o.AcceptNewHostKey = true; o.HostKeyFingerprints.Add(HostKeySamples.RsaFingerprint); }), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyProblem.PinMismatch, pinned.Refusal!.Problem);
        }

        [Fact]
        public void AnUnknownKeyWithAKnownHostsFileSaysTheFileHasNoEntry()
        {
            var path = KnownHosts(KnownHostsFile.FormatLine("other", 22, HostKeySamples.Ed25519));
            var decision = SshHostKeyPolicy.Evaluate(Options(o => o.KnownHostsFile = path), HostKeySamples.Ed25519);
            Assert.Equal(SshHostKeyProblem.Unknown, decision.Refusal!.Problem);
            Assert.Contains("has no entry for [127.0.0.1]:2222", decision.Refusal.Message);
        }

        [Fact]
        public void OptionsRejectMalformedPinsAndAcceptNewWithoutAFile()
        {
            var key = new SftpPrivateKeyFile("id_ed25519");
            Assert.Throws<ArgumentException>(() => Options(o => { o.PrivateKeyFiles.Add(key); o.HostKeyFingerprints.Add("3F6A"); }).Validate());
            Assert.Throws<ArgumentException>(() => Options(o => { o.PrivateKeyFiles.Add(key); o.AcceptNewHostKey = true; }).Validate());
            Assert.Contains("-KeyFile", Assert.Throws<ArgumentException>(() => Options().Validate()).Message);
            Options(o => o.PrivateKeyFiles.Add(key)).Validate();
            Assert.Equal(22, new SftpConnectionOptions("h", "u").EffectivePort);
            Assert.Throws<ArgumentException>(() => new SftpConnectionOptions("h", ""));
        }
    }
}

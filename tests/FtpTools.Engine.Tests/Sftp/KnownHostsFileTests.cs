using System;
using System.IO;
using FtpTools.Engine.Sftp.HostKeys;
using Xunit;

namespace FtpTools.Engine.Tests.Sftp
{
    public sealed class KnownHostsFileTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("ftptools-knownhosts-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private static KnownHostsFile Parse(params string[] lines) => KnownHostsFile.Parse("known_hosts", lines);

        [Theory]
        [InlineData("example.com", 22, "example.com")]
        [InlineData("Example.COM", 22, "example.com")]
        [InlineData("127.0.0.1", 2222, "[127.0.0.1]:2222")]
        [InlineData("::1", 22, "::1")]
        [InlineData("::1", 2022, "[::1]:2022")]
        [InlineData("[::1]", 2022, "[::1]:2022")]
        public void HostsAreNamedAsOpenSshNamesThem(string host, int port, string expected)
        {
            Assert.Equal(expected, KnownHostsFile.HostName(host, port));
        }

        [Fact]
        public void PlainEntriesMatchByNameAndPort()
        {
            var file = Parse("# comment", "", "[127.0.0.1]:2222,other.example ssh-ed25519 " + HostKeySamples.Ed25519Base64 + " me@host");
            Assert.Equal(KnownHostsStatus.Known, file.Lookup("127.0.0.1", 2222, HostKeySamples.Ed25519).Status);
            Assert.Equal(3, file.Lookup("127.0.0.1", 2222, HostKeySamples.Ed25519).Entry!.LineNumber);
            Assert.Equal(KnownHostsStatus.Known, file.Lookup("OTHER.example", 22, HostKeySamples.Ed25519).Status);
            Assert.Equal(KnownHostsStatus.NotFound, file.Lookup("127.0.0.1", 22, HostKeySamples.Ed25519).Status);
            Assert.Equal(KnownHostsStatus.NotFound, file.Lookup("127.0.0.1", 2223, HostKeySamples.Ed25519).Status);
        }

        [Fact]
        public void HashedEntriesWrittenBySshKeygenMatch()
        {
            var file = Parse(HostKeySamples.HashedKnownHosts);
            Assert.All(file.Entries, entry => Assert.True(entry.IsHashed));
            Assert.Equal(KnownHostsStatus.Known, file.Lookup("127.0.0.1", 2222, HostKeySamples.Ed25519).Status);
            Assert.Equal(KnownHostsStatus.Known, file.Lookup("example.com", 22, HostKeySamples.Ecdsa).Status);
            Assert.Equal(KnownHostsStatus.NotFound, file.Lookup("example.org", 22, HostKeySamples.Ecdsa).Status);
        }

        [Fact]
        public void HashingReproducesSshKeygen()
        {
            var salt = Convert.FromBase64String("CJGo64U8Jl/SMo5M8eDDpGgjbb0=");
            Assert.Equal("|1|CJGo64U8Jl/SMo5M8eDDpGgjbb0=|CGArCRCE3FOQoMgvHEQNzCojnSs=", KnownHostsEntry.HashHostName("[127.0.0.1]:2222", salt));
        }

        [Fact]
        public void AnotherKeyOfTheSameTypeIsAChange()
        {
            var other = KnownHostsFile.FormatLine("127.0.0.1", 2222, HostKeySamples.Ed25519).Replace("AAAAIPQRb9", "AAAAIPQRb8", StringComparison.Ordinal);
            var lookup = Parse(other).Lookup("127.0.0.1", 2222, HostKeySamples.Ed25519);
            Assert.Equal(KnownHostsStatus.Changed, lookup.Status);
        }

        [Fact]
        public void OnlyOtherKeyTypesKnownIsReportedAsSuch()
        {
            var file = Parse(KnownHostsFile.FormatLine("127.0.0.1", 2222, HostKeySamples.Ecdsa));
            Assert.Equal(KnownHostsStatus.OtherKeyTypeKnown, file.Lookup("127.0.0.1", 2222, HostKeySamples.Ed25519).Status);
            Assert.Equal(new[] { "ecdsa-sha2-nistp256" }, file.KeyTypesFor("127.0.0.1", 2222));
        }

        [Fact]
        public void WildcardsAndNegationFollowOpenSsh()
        {
            var file = Parse("*.example.com,!bad.example.com ssh-ed25519 " + HostKeySamples.Ed25519Base64, "10.0.0.? ssh-rsa " + HostKeySamples.RsaBase64);
            Assert.Equal(KnownHostsStatus.Known, file.Lookup("a.example.com", 22, HostKeySamples.Ed25519).Status);
            Assert.Equal(KnownHostsStatus.NotFound, file.Lookup("bad.example.com", 22, HostKeySamples.Ed25519).Status);
            Assert.Equal(KnownHostsStatus.NotFound, file.Lookup("example.com", 22, HostKeySamples.Ed25519).Status);
            Assert.Equal(KnownHostsStatus.Known, file.Lookup("10.0.0.7", 22, HostKeySamples.Rsa).Status);
            Assert.Equal(KnownHostsStatus.NotFound, file.Lookup("10.0.0.17", 22, HostKeySamples.Rsa).Status);
        }

        [Fact]
        public void RevokedKeysAreRevokedForEveryHostAndCertAuthoritiesAreIgnored()
        {
            var file = Parse("@revoked * ssh-ed25519 " + HostKeySamples.Ed25519Base64, "@cert-authority * ssh-rsa " + HostKeySamples.RsaBase64, "host ssh-ed25519 " + HostKeySamples.Ed25519Base64);
            Assert.Equal(KnownHostsStatus.Revoked, file.Lookup("host", 22, HostKeySamples.Ed25519).Status);
            Assert.Equal(2, file.Entries.Count);
            Assert.DoesNotContain(file.Entries, entry => entry.Marker == KnownHostsMarker.CertAuthority);
        }

        [Fact]
        public void MalformedLinesAreSkipped()
        {
            var file = Parse("host ssh-ed25519", "host ssh-rsa " + HostKeySamples.Ed25519Base64, "@weird host ssh-ed25519 " + HostKeySamples.Ed25519Base64, "host ssh-ed25519 !!!");
            Assert.Empty(file.Entries);
        }

        [Fact]
        public void AMissingFileIsEmptyAndAppendCreatesItWithItsFolder()
        {
            var path = Path.Combine(folder, "sub", "known_hosts");
            var missing = KnownHostsFile.Load(path);
            Assert.False(missing.Exists);
            Assert.Empty(missing.Entries);

            KnownHostsFile.Append(path, "127.0.0.1", 2222, HostKeySamples.Ed25519);
            KnownHostsFile.Append(path, "example.com", 22, HostKeySamples.Rsa);

            Assert.Equal(new[] { "[127.0.0.1]:2222 ssh-ed25519 " + HostKeySamples.Ed25519Base64, "example.com ssh-rsa " + HostKeySamples.RsaBase64 }, File.ReadAllLines(path));
            Assert.Equal(KnownHostsStatus.Known, KnownHostsFile.Load(path).Lookup("127.0.0.1", 2222, HostKeySamples.Ed25519).Status);
        }

        [Fact]
        public void AppendStartsANewLineWhenTheFileDoesNotEndWithOne()
        {
            var path = Path.Combine(folder, "known_hosts");
            File.WriteAllText(path, "# no newline at the end");
            KnownHostsFile.Append(path, "h", 22, HostKeySamples.Ecdsa);
            Assert.Equal(new[] { "# no newline at the end", "h ecdsa-sha2-nistp256 " + HostKeySamples.EcdsaBase64 }, File.ReadAllLines(path));
        }
    }
}

using System;
using FtpTools.Engine.Sftp.HostKeys;
using Xunit;

namespace FtpTools.Engine.Tests.Sftp
{
    public sealed class SshFingerprintTests
    {
        [Theory]
        [InlineData(HostKeySamples.Ed25519Base64, "ssh-ed25519", HostKeySamples.Ed25519Fingerprint)]
        [InlineData(HostKeySamples.EcdsaBase64, "ecdsa-sha2-nistp256", HostKeySamples.EcdsaFingerprint)]
        [InlineData(HostKeySamples.RsaBase64, "ssh-rsa", HostKeySamples.RsaFingerprint)]
        public void KeysHaveTheTypeAndFingerprintOpenSshPrints(string base64, string type, string fingerprint)
        {
            var key = SshHostKey.TryFromBase64(base64)!;
            Assert.Equal(type, key.Type);
            Assert.Equal(fingerprint, key.Fingerprint);
            Assert.Equal(base64, key.Base64);
        }

        [Theory]
        [InlineData("SHA256:dTjfnnLSha9rEWv00RPVyLL7ctQInKROkn4xmqQDGlQ")]
        [InlineData("  sha256:dTjfnnLSha9rEWv00RPVyLL7ctQInKROkn4xmqQDGlQ= ")]
        [InlineData("dTjfnnLSha9rEWv00RPVyLL7ctQInKROkn4xmqQDGlQ")]
        public void PinsAreAcceptedWithOrWithoutPrefixAndPadding(string pin)
        {
            Assert.Equal(HostKeySamples.Ed25519Fingerprint, SshFingerprint.Parse(pin));
            Assert.True(SshFingerprint.Matches(pin, HostKeySamples.Ed25519Fingerprint));
        }

        [Fact]
        public void Base64IsCaseSensitive()
        {
            Assert.False(SshFingerprint.Matches("SHA256:DTJFNNLSHA9REWV00RPVYLL7CTQINKROKN4XMQQDGLQ", HostKeySamples.Ed25519Fingerprint));
        }

        [Theory]
        [InlineData("")]
        [InlineData("SHA256:")]
        [InlineData("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")]
        [InlineData("3F6A0B7C3F6A0B7C3F6A0B7C3F6A0B7C3F6A0B7C3F6A0B7C3F6A0B7C3F6A0B7C")]
        [InlineData("SHA256:dTjfnnLSha9rEWv00RPVyLL7ctQInKROkn4xmqQDGl")]
        [InlineData("SHA256:dTjfnnLSha9rEWv00RPVyLL7ctQInKROkn4xmqQD!lQ")]
        public void AnythingElseIsAnArgumentErrorThatShowsTheFormat(string pin)
        {
            var error = Assert.Throws<ArgumentException>(() => SshFingerprint.Parse(pin));
            Assert.Contains("'SHA256:' followed by 43 base64 characters", error.Message);
        }

        [Fact]
        public void ABlobWithoutAKeyTypeIsNotAKey()
        {
            Assert.Null(SshHostKey.TryFromBase64("not base64!"));
            Assert.Null(SshHostKey.TryFromBase64(Convert.ToBase64String(new byte[] { 0, 0, 0, 200, 1, 2 })));
            Assert.Throws<ArgumentException>(() => new SshHostKey(new byte[] { 1 }));
        }
    }
}

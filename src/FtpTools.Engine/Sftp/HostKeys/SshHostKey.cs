using System;
using System.Linq;
using System.Text;

namespace FtpTools.Engine.Sftp.HostKeys
{
    /// <summary>A server's public host key as SSH sends it: the blob starts with the key type as an SSH string.</summary>
    public sealed class SshHostKey
    {
        private readonly byte[] blob;

        public SshHostKey(byte[] blob)
        {
            if (blob is null) throw new ArgumentNullException(nameof(blob));
            this.blob = (byte[])blob.Clone();
            Type = ReadType(this.blob) ?? throw new ArgumentException("The host key blob does not start with a key type.", nameof(blob));
            Fingerprint = SshFingerprint.Sha256(this.blob);
        }

        /// <summary>ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ...</summary>
        public string Type { get; }

        /// <summary>"SHA256:..." as OpenSSH prints it.</summary>
        public string Fingerprint { get; }

        public string Base64 => Convert.ToBase64String(blob);

        public byte[] GetBlob() => (byte[])blob.Clone();

        public bool SameKeyAs(SshHostKey other) => other != null && blob.SequenceEqual(other.blob);

        /// <summary>Null when the text is not base64 or the blob has no type.</summary>
        public static SshHostKey? TryFromBase64(string base64)
        {
            try
            {
                var bytes = Convert.FromBase64String(base64);
                return ReadType(bytes) is null ? null : new SshHostKey(bytes);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        public override string ToString() => Type + " " + Fingerprint;

        private static string? ReadType(byte[] bytes)
        {
            if (bytes.Length < 4) return null;
            var length = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
            if (length <= 0 || length > 64 || bytes.Length < 4 + length) return null;
            var type = Encoding.ASCII.GetString(bytes, 4, length);
            return type.All(c => c > ' ' && c < 127) ? type : null;
        }
    }
}

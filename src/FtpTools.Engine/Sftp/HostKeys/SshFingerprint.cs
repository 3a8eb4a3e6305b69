using System;
using System.Security.Cryptography;

namespace FtpTools.Engine.Sftp.HostKeys
{
    /// <summary>Host key fingerprints in OpenSSH's format: "SHA256:" and the base64 of the key blob's SHA-256, without padding.</summary>
    public static class SshFingerprint
    {
        public const string Prefix = "SHA256:";

        private const int Sha256Length = 32;

        public static string Sha256(byte[] keyBlob)
        {
            if (keyBlob is null) throw new ArgumentNullException(nameof(keyBlob));
            using (var sha = SHA256.Create())
                return Prefix + Convert.ToBase64String(sha.ComputeHash(keyBlob)).TrimEnd('=');
        }

        /// <summary>
        /// The canonical form of a pin ("SHA256:" + 43 characters). Accepts padding, a lower-case prefix and no prefix.
        /// Base64 is case-sensitive, so the rest is kept as given. Throws ArgumentException for anything else (hex, MD5, ...).
        /// </summary>
        public static string Parse(string pin)
        {
            if (pin is null) throw new ArgumentNullException(nameof(pin));
            var text = pin.Trim();
            if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) text = text.Substring(Prefix.Length);
            text = text.TrimEnd('=');
            if (text.Length != 43 || !TryDecode(text, out var hash) || hash.Length != Sha256Length)
                throw new ArgumentException(
                    "'" + pin + "' is not an OpenSSH SHA-256 host key fingerprint. Give it as 'SHA256:' followed by 43 base64 characters, as ssh-keygen -lf prints it.",
                    nameof(pin));
            return Prefix + text;
        }

        public static bool Matches(string pin, string fingerprint) => string.Equals(Parse(pin), fingerprint, StringComparison.Ordinal);

        private static bool TryDecode(string unpadded, out byte[] bytes)
        {
            try
            {
                bytes = Convert.FromBase64String(unpadded.PadRight(unpadded.Length + (4 - unpadded.Length % 4) % 4, '='));
                return true;
            }
            catch (FormatException)
            {
                bytes = Array.Empty<byte>();
                return false;
            }
        }
    }
}

using System;
using System.Security.Cryptography;
using System.Text;

namespace FtpTools.Engine.Sftp.HostKeys
{
    public enum KnownHostsMarker
    {
        None,
        Revoked,
        CertAuthority,
    }

    /// <summary>One line of an OpenSSH known_hosts file: [marker] host-patterns key-type base64-key [comment].</summary>
    public sealed class KnownHostsEntry
    {
        private const string HashedPrefix = "|1|";

        private KnownHostsEntry(int lineNumber, KnownHostsMarker marker, string hosts, SshHostKey key)
        {
            LineNumber = lineNumber;
            Marker = marker;
            Hosts = hosts;
            Key = key;
        }

        public int LineNumber { get; }

        public KnownHostsMarker Marker { get; }

        /// <summary>The host field as written: a comma-separated pattern list, or one hashed name "|1|salt|hash".</summary>
        public string Hosts { get; }

        public SshHostKey Key { get; }

        public bool IsHashed => Hosts.StartsWith(HashedPrefix, StringComparison.Ordinal);

        /// <summary>Null for blank lines, comments and lines that are not valid entries (OpenSSH skips those too).</summary>
        public static KnownHostsEntry? TryParse(string line, int lineNumber)
        {
            var fields = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith("#", StringComparison.Ordinal)) return null;
            var marker = KnownHostsMarker.None;
            var index = 0;
            if (fields[0].StartsWith("@", StringComparison.Ordinal))
            {
                if (fields[0] == "@revoked") marker = KnownHostsMarker.Revoked;
                else if (fields[0] == "@cert-authority") marker = KnownHostsMarker.CertAuthority;
                else return null;
                index = 1;
            }

            if (fields.Length < index + 3) return null;
            var key = SshHostKey.TryFromBase64(fields[index + 2]);
            if (key is null || key.Type != fields[index + 1]) return null;
            return new KnownHostsEntry(lineNumber, marker, fields[index], key);
        }

        /// <summary>Whether this entry names hostName ("host" for port 22, "[host]:port" otherwise), as OpenSSH matches it.</summary>
        public bool MatchesHost(string hostName)
        {
            var name = hostName.ToLowerInvariant();
            if (IsHashed) return MatchesHashed(name);
            var matched = false;
            foreach (var pattern in Hosts.Split(','))
            {
                if (pattern.Length == 0) continue;
                var negated = pattern[0] == '!';
                if (!WildcardMatch(name, (negated ? pattern.Substring(1) : pattern).ToLowerInvariant())) continue;
                if (negated) return false;
                matched = true;
            }

            return matched;
        }

        /// <summary>The hashed form OpenSSH writes with HashKnownHosts: |1|base64(salt)|base64(HMAC-SHA1(salt, name)).</summary>
        public static string HashHostName(string hostName, byte[] salt)
        {
            using (var hmac = new HMACSHA1(salt))
                return HashedPrefix + Convert.ToBase64String(salt) + "|" + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(hostName.ToLowerInvariant())));
        }

        private bool MatchesHashed(string name)
        {
            var parts = Hosts.Substring(HashedPrefix.Length).Split('|');
            if (parts.Length != 2) return false;
            try
            {
                return HashHostName(name, Convert.FromBase64String(parts[0])) == Hosts;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        /// <summary>'*' any run of characters, '?' exactly one.</summary>
        private static bool WildcardMatch(string text, string pattern)
        {
            int t = 0, p = 0, starPattern = -1, starText = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
                {
                    t++;
                    p++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    starPattern = p++;
                    starText = t;
                }
                else if (starPattern >= 0)
                {
                    p = starPattern + 1;
                    t = ++starText;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}

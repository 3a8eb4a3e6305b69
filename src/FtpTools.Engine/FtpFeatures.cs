using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Engine
{
    /// <summary>The capability set from a FEAT reply (RFC 2389): feature names, case-insensitive, with their parameters.</summary>
    public sealed class FtpFeatures
    {
        private readonly Dictionary<string, string> features;

        private FtpFeatures(Dictionary<string, string> features)
        {
            this.features = features;
        }

        public static FtpFeatures Empty { get; } = new FtpFeatures(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

        public IReadOnlyCollection<string> Names => features.Keys;

        /// <summary>Parses a 211 FEAT reply: the first and last lines are text, every line between names one feature.</summary>
        public static FtpFeatures Parse(FtpReply reply)
        {
            var set = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (reply.Code != 211) return new FtpFeatures(set);
            for (var i = 1; i < reply.Lines.Count - 1; i++)
            {
                var line = reply.Lines[i].Trim();
                if (line.Length == 0) continue;
                var space = line.IndexOf(' ');
                var name = space < 0 ? line : line.Substring(0, space);
                var parameters = space < 0 ? string.Empty : line.Substring(space + 1).Trim();
                // "AUTH TLS" and "AUTH SSL" are both "AUTH"; keep every parameter.
                set[name] = set.TryGetValue(name, out var existing) && existing.Length > 0 ? existing + "\n" + parameters : parameters;
            }

            return new FtpFeatures(set);
        }

        public bool Has(string name) => features.ContainsKey(name);

        public string? GetParameters(string name) => features.TryGetValue(name, out var value) ? value : null;

        /// <summary>True when "AUTH" lists the mechanism, e.g. HasAuth("TLS").</summary>
        public bool HasAuth(string mechanism) =>
            features.TryGetValue("AUTH", out var value)
            && value.Split('\n', ' ', ';', ',').Any(m => string.Equals(m.Trim(), mechanism, StringComparison.OrdinalIgnoreCase));

        /// <summary>Algorithms HASH (draft-bryan-ftpext-hash) offers, e.g. "SHA-1", "SHA-256"; the one marked '*' is the current one.</summary>
        public IReadOnlyList<string> HashAlgorithms =>
            features.TryGetValue("HASH", out var value)
                ? value.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(a => a.Trim().TrimEnd('*')).ToList()
                : (IReadOnlyList<string>)Array.Empty<string>();

        public override string ToString() => string.Join(", ", features.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase));
    }
}

using System;
using System.Globalization;

namespace FtpTools.Engine.Planning
{
    /// <summary>The local ports active mode may listen on, written "low-high" (e.g. "50000-50100") or as one port.</summary>
    public sealed class ActivePortRange
    {
        private ActivePortRange(int low, int high)
        {
            Low = low;
            High = high;
        }

        public int Low { get; }

        public int High { get; }

        public static ActivePortRange Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("-ActivePortRange is empty; write it as \"low-high\", e.g. \"50000-50100\".", nameof(text));
            var parts = text.Split('-');
            if (parts.Length > 2) throw Invalid(text);
            var low = ParsePort(parts[0], text);
            var high = parts.Length == 2 ? ParsePort(parts[1], text) : low;
            if (high < low) throw new ArgumentException("-ActivePortRange '" + text + "' ends before it starts; write the lower port first.", nameof(text));
            return new ActivePortRange(low, high);
        }

        public override string ToString() => Low.ToString(CultureInfo.InvariantCulture) + "-" + High.ToString(CultureInfo.InvariantCulture);

        private static int ParsePort(string part, string text)
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)) throw Invalid(text);
            if (port < 1 || port > 65535) throw new ArgumentException("-ActivePortRange '" + text + "' names a port outside 1-65535.", nameof(text));
            return port;
        }

        private static ArgumentException Invalid(string text) =>
            new ArgumentException("-ActivePortRange '" + text + "' is not a port range; write it as \"low-high\", e.g. \"50000-50100\".", nameof(text));
    }
}

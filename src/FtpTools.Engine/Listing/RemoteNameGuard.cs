using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace FtpTools.Engine
{
    /// <summary>
    /// Decides whether a name a server listed may stand for one entry of the directory that was listed. The server is not
    /// trusted: a listing of "/" could name "../x", "/etc/passwd" or "a/b", and a FullName built from such a name would
    /// point somewhere else, so a piped Remove or Rename would act on another path. Every <see cref="FtpListing"/> applies
    /// this guard (whichever protocol produced it); refused entries are kept in <see cref="FtpListing.RefusedEntries"/>.
    /// </summary>
    public static class RemoteNameGuard
    {
        /// <summary>Null when name is a plain entry name; otherwise why it is refused.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static string? WhyUnsafe(string? name)
        {
            if (string.IsNullOrEmpty(name)) return "it is empty";
            var text = name!;
            if (text == "." || text == "..") return "it names the listed directory itself or its parent";
            if (text[0] == '/') return "it is an absolute path";
            if (text.IndexOf('/') >= 0) return "it contains '/', so it names an entry of another directory";
            foreach (var c in text)
            {
                if (c == '\0') return "it contains a NUL character";
                if (char.IsControl(c)) return "it contains a control character";
            }

            return null;
        }

        /// <summary>Null when item may be returned as an entry of directory: a safe name, and the full path that name gives there.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static string? WhyUnsafe(FtpListItem item, string directory)
        {
            if (item is null) throw new ArgumentNullException(nameof(item));
            var reason = WhyUnsafe(item.Name);
            if (reason != null) return reason;
            if (directory != null && !IsCombination(item.FullName, directory, item.Name))
                return "its full path '" + Printable(item.FullName) + "' is not inside '" + Printable(directory) + "'";
            return null;
        }

        /// <summary>Whether fullName equals FtpPath.Combine(directory, name), compared in place: this runs for every listed entry.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool IsCombination(string fullName, string directory, string name)
        {
            if (directory.Length == 0 || name.StartsWith("/", StringComparison.Ordinal)) return string.Equals(fullName, name, StringComparison.Ordinal);
            var separator = directory[directory.Length - 1] == '/' ? 0 : 1;
            return fullName.Length == directory.Length + separator + name.Length
                && string.CompareOrdinal(fullName, 0, directory, 0, directory.Length) == 0
                && (separator == 0 || fullName[directory.Length] == '/')
                && string.CompareOrdinal(fullName, directory.Length + separator, name, 0, name.Length) == 0;
        }

        public static bool IsSafe(string? name) => WhyUnsafe(name) is null;

        /// <summary>The name with control characters written as \n, \t, \0 or \uXXXX, so a warning cannot break a line or hide text.</summary>
        public static string Printable(string? name)
        {
            if (name is null) return string.Empty;
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                switch (c)
                {
                    case '\0': builder.Append("\\0"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (char.IsControl(c)) builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        else builder.Append(c);
                        break;
                }
            }

            return builder.ToString();
        }
    }
}

using System;
using System.IO;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Decides whether a name that came from the server may be used as one local path segment.
    /// The server is not trusted: a listing could name "..", "../../x", "C:x" or "\\host\share".
    /// </summary>
    public static class LocalNameGuard
    {
        // .NET Framework's Path.Combine throws ArgumentException for these ("<>| and control characters on Windows), which
        // would end a whole tree download in Windows PowerShell 5.1 instead of refusing the one name; .NET on Linux has only NUL.
        private static readonly char[] InvalidPathChars = Path.GetInvalidPathChars();

        /// <summary>Returns null when the name is safe, otherwise why it is not.</summary>
        public static string? WhyUnsafe(string? name) => WhyUnsafe(name, InvalidPathChars);

        internal static string? WhyUnsafe(string? name, char[] invalidPathChars)
        {
            if (string.IsNullOrEmpty(name)) return "it is empty";
            var text = name!;
            if (text.Trim('.', ' ').Length == 0) return "it is made only of dots and spaces, which Windows resolves to the current or a parent folder";
            if (text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0) return "it contains a path separator";
            if (text.IndexOf(':') >= 0) return "it contains ':' (a drive or an alternate data stream)";
            foreach (var c in text)
            {
                if (c < ' ') return "it contains a control character";
            }

            if (text.IndexOfAny(invalidPathChars) >= 0) return "it contains a character that is not allowed in a local path here";
            if (Path.IsPathRooted(text)) return "it is a rooted path";
            return null;
        }

        public static bool IsSafe(string? name) => WhyUnsafe(name) is null;

        public static void EnsureSafe(string? name)
        {
            var reason = WhyUnsafe(name);
            if (reason != null) throw new UnsafeRemoteNameException(name ?? string.Empty, reason);
        }

        /// <summary>Joins remote names under a local root, checking every segment and that the result stays inside the root.</summary>
        public static string CombineUnder(string localRoot, params string[] remoteSegments)
        {
            if (localRoot is null) throw new ArgumentNullException(nameof(localRoot));
            var path = localRoot;
            foreach (var segment in remoteSegments)
            {
                EnsureSafe(segment);
                path = Path.Combine(path, segment);
            }

            if (!IsInside(localRoot, path))
                throw new UnsafeRemoteNameException(string.Join("/", remoteSegments), "the resulting path leaves '" + localRoot + "'");
            return path;
        }

        /// <summary>True when candidate is root itself or below it, after both are made absolute.</summary>
        public static bool IsInside(string root, string candidate)
        {
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var fullCandidate = Path.GetFullPath(candidate).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (string.Equals(fullRoot, fullCandidate, comparison)) return true;
            return fullCandidate.StartsWith(fullRoot + Path.DirectorySeparatorChar, comparison);
        }
    }
}

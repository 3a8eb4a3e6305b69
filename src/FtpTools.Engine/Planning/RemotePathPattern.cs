using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// A remote -Path split for matching: either one literal absolute path, or a directory to list plus a name pattern.
    /// Wildcards are allowed only in the last segment ("/in/*.csv"); "/in*/x.csv" is refused with a clear message.
    /// </summary>
    public sealed class RemotePathPattern
    {
        private RemotePathPattern(string? literalPath, string? directory, FtpWildcardPattern? namePattern)
        {
            LiteralPath = literalPath;
            Directory = directory;
            NamePattern = namePattern;
        }

        /// <summary>The absolute path when the input had no wildcard.</summary>
        public string? LiteralPath { get; }

        /// <summary>The absolute directory whose entries NamePattern is matched against.</summary>
        public string? Directory { get; }

        public FtpWildcardPattern? NamePattern { get; }

        public bool HasWildcard => NamePattern != null;

        /// <summary>Parses a -Path value (wildcards, backtick escapes) against the session's current directory.</summary>
        public static RemotePathPattern Parse(string path, string currentDirectory)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (!FtpWildcardPattern.ContainsWildcard(path))
                return new RemotePathPattern(FtpPath.Normalize(FtpWildcardPattern.Unescape(path), currentDirectory), null, null);

            var trimmed = FtpPath.TrimTrailingSlash(path);
            var slash = trimmed.LastIndexOf('/');
            var parentText = slash < 0 ? string.Empty : trimmed.Substring(0, slash == 0 ? 1 : slash);
            var nameText = trimmed.Substring(slash + 1);
            if (FtpWildcardPattern.ContainsWildcard(parentText))
                throw new ArgumentException("Wildcards are supported only in the last segment of a remote path ('" + path + "'). Use -Recurse with -Filter to search several directories.", nameof(path));

            var directory = FtpPath.Normalize(FtpWildcardPattern.Unescape(parentText), currentDirectory);
            return new RemotePathPattern(null, directory, new FtpWildcardPattern(nameText));
        }

        /// <summary>Resolves a -LiteralPath value: no wildcards, no escapes.</summary>
        public static string ResolveLiteral(string path, string currentDirectory)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            return FtpPath.Normalize(path, currentDirectory);
        }
    }
}

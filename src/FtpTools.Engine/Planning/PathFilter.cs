using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// -Include and -Exclude on a tree, with one meaning for Sync-FtpItem, Send-FtpItem and Receive-FtpItem. Paths are relative
    /// to the folder being copied and '/'-separated ("sub/file.txt"). A pattern with a '/' is matched against that relative
    /// path, any other pattern against the name alone; wildcards are PowerShell's, case-insensitive, and '*' also matches '/'.
    /// -Exclude applies to files and folders, and an excluded folder takes its whole subtree with it. -Include applies to files
    /// only: folders are kept where they lead to an included file, and without -Include every folder (empty ones too) is kept.
    /// </summary>
    public sealed class PathFilter
    {
        private readonly IReadOnlyList<Rule> include;
        private readonly IReadOnlyList<Rule> exclude;

        public PathFilter(IEnumerable<string>? include, IEnumerable<string>? exclude)
        {
            this.include = Compile(include);
            this.exclude = Compile(exclude);
        }

        /// <summary>The filter that keeps everything.</summary>
        public static PathFilter None { get; } = new PathFilter(null, null);

        public bool HasInclude => include.Count > 0;

        public bool IsEmpty => include.Count == 0 && exclude.Count == 0;

        /// <summary>True when the item itself is named by -Exclude (its parents are not looked at: see IsInScope).</summary>
        public bool IsExcluded(string relativePath) => exclude.Any(pattern => Matches(pattern, relativePath));

        /// <summary>True for a file -Include names (every file when there is no -Include) and -Exclude does not.</summary>
        public bool IncludesFile(string relativePath) => !IsExcluded(relativePath) && (include.Count == 0 || include.Any(pattern => Matches(pattern, relativePath)));

        /// <summary>True unless the item or one of the folders above it is excluded; for a file, also -Include must name it.</summary>
        public bool IsInScope(string relativePath, bool isFolder)
        {
            var segments = relativePath.Split('/');
            for (var count = 1; count < segments.Length; count++)
            {
                if (IsExcluded(string.Join("/", segments, 0, count))) return false;
            }

            return isFolder ? !IsExcluded(relativePath) : IncludesFile(relativePath);
        }

        /// <summary>
        /// The entries of a tree the filter keeps, in their order: entries below an excluded folder go, files go unless included,
        /// and with -Include a folder stays only when an included file lies below it.
        /// </summary>
        public IReadOnlyList<T> Apply<T>(IEnumerable<T> entries, Func<T, string> relativePath, Func<T, bool> isFolder)
        {
            if (entries is null) throw new ArgumentNullException(nameof(entries));
            var list = entries.ToList();
            if (IsEmpty) return list;
            var kept = list.Where(entry => IsInScope(relativePath(entry), isFolder(entry))).ToList();
            if (!HasInclude) return kept;
            var neededFolders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in kept.Where(entry => !isFolder(entry)))
            {
                for (var parent = ParentOf(relativePath(file)); parent.Length > 0; parent = ParentOf(parent)) neededFolders.Add(parent);
            }

            return kept.Where(entry => !isFolder(entry) || neededFolders.Contains(relativePath(entry))).ToList();
        }

        /// <summary>"a/b/c" -> "a/b"; "a" -> "".</summary>
        public static string ParentOf(string relativePath)
        {
            var slash = relativePath.LastIndexOf('/');
            return slash < 0 ? string.Empty : relativePath.Substring(0, slash);
        }

        private static bool Matches(Rule rule, string relativePath) => rule.Pattern.IsMatch(rule.ByPath ? relativePath : NameOf(relativePath));

        private static string NameOf(string relativePath)
        {
            var slash = relativePath.LastIndexOf('/');
            return slash < 0 ? relativePath : relativePath.Substring(slash + 1);
        }

        /// <summary>A leading or trailing '/' ("/logs", "logs/") still makes a path pattern, matched from the top of the tree.</summary>
        private static IReadOnlyList<Rule> Compile(IEnumerable<string>? patterns) =>
            patterns is null
                ? Array.Empty<Rule>()
                : patterns.Where(p => !string.IsNullOrEmpty(p) && p.Trim('/').Length > 0).Select(p => new Rule(new FtpWildcardPattern(p.Trim('/')), p.IndexOf('/') >= 0)).ToArray();

        private sealed class Rule
        {
            public Rule(FtpWildcardPattern pattern, bool byPath)
            {
                Pattern = pattern;
                ByPath = byPath;
            }

            public FtpWildcardPattern Pattern { get; }

            public bool ByPath { get; }
        }
    }
}

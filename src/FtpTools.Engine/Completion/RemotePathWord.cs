using System;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Completion
{
    /// <summary>
    /// The remote path typed so far, split for completion: the folder to list ("/in" lists "/", "/in/" lists "/in", "sub"
    /// the current directory), the folder part as typed (kept in front of every completion), and the name prefix to match.
    /// In a wildcard (-Path) word the text is a pattern: backtick escapes are undone to find the folder, and a name part
    /// with wildcards matches like the pattern followed by "*".
    /// </summary>
    public sealed class RemotePathWord
    {
        private readonly string namePart;
        private readonly FtpWildcardPattern? namePattern;

        private RemotePathWord(string directory, string typedFolder, string namePart, FtpWildcardPattern? namePattern, bool wildcard)
        {
            Directory = directory;
            TypedFolder = typedFolder;
            this.namePart = namePart;
            this.namePattern = namePattern;
            IsWildcard = wildcard;
        }

        /// <summary>The absolute folder whose entries are offered.</summary>
        public string Directory { get; }

        /// <summary>The argument value up to and including its last '/', as typed (unquoted).</summary>
        public string TypedFolder { get; }

        public bool IsWildcard { get; }

        /// <summary>Whether dot-named entries are offered: only when the name typed so far starts with a dot.</summary>
        public bool OffersHidden => namePart.StartsWith(".", StringComparison.Ordinal);

        /// <summary>Parses the word being completed (quoted or not, as PowerShell hands it over) against the current directory.</summary>
        public static RemotePathWord Parse(string wordToComplete, string currentDirectory, bool wildcard)
        {
            var value = PowerShellArgumentText.Unquote(wordToComplete ?? string.Empty);
            var slash = value.LastIndexOf('/');
            var typedFolder = value.Substring(0, slash + 1);
            var namePart = value.Substring(slash + 1);
            var folderValue = wildcard ? FtpWildcardPattern.Unescape(typedFolder) : typedFolder;
            var directory = FtpPath.Normalize(folderValue.Length == 0 ? "." : folderValue, currentDirectory);
            return new RemotePathWord(directory, typedFolder, namePart, wildcard ? PatternOrNull(namePart) : null, wildcard);
        }

        public bool Matches(string name)
        {
            if (namePattern != null) return namePattern.IsMatch(name);
            var prefix = IsWildcard ? FtpWildcardPattern.Unescape(namePart) : namePart;
            return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The argument text that names entry: the typed folder, the name (escaped for a wildcard word), '/' after a folder, quoted when needed.</summary>
        public string CompletionTextFor(string name, bool isFolder)
        {
            var value = TypedFolder + (IsWildcard ? FtpWildcardPattern.EscapeText(name) : name) + (isFolder ? "/" : string.Empty);
            return PowerShellArgumentText.Quote(value);
        }

        /// <summary>A pattern for a name part with wildcards; null for a plain prefix, or for one that is no valid pattern ("a[" is taken literally).</summary>
        private static FtpWildcardPattern? PatternOrNull(string namePart)
        {
            if (!FtpWildcardPattern.ContainsWildcard(namePart)) return null;
            try
            {
                return new FtpWildcardPattern(namePart + "*");
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}

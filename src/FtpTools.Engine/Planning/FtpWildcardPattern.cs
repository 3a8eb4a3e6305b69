using System;
using System.Collections.Generic;
using System.Text;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// A wildcard with PowerShell's semantics: * (any run of characters), ? (exactly one), [abc] and [a-z] (one of a set),
    /// and the backtick escaping the next character. Case-insensitive, as PowerShell users expect on Windows.
    /// </summary>
    public sealed class FtpWildcardPattern
    {
        private const char Escape = '`';
        private readonly List<Token> tokens;

        public FtpWildcardPattern(string pattern)
        {
            Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
            tokens = Compile(pattern);
        }

        public string Pattern { get; }

        /// <summary>True when the text has an unescaped *, ? or [ (so it is a pattern, not a literal name).</summary>
        public static bool ContainsWildcard(string text)
        {
            if (text is null) return false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == Escape) { i++; continue; }
                if (c == '*' || c == '?' || c == '[') return true;
            }

            return false;
        }

        /// <summary>Removes backtick escapes: "a`[1`].txt" becomes "a[1].txt".</summary>
        public static string Unescape(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (text.IndexOf(Escape) < 0) return text;
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == Escape && i + 1 < text.Length) i++;
                builder.Append(text[i]);
            }

            return builder.ToString();
        }

        /// <summary>Escapes *, ?, [, ] and backtick so the text matches only itself.</summary>
        public static string EscapeText(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == '*' || c == '?' || c == '[' || c == ']' || c == Escape) builder.Append(Escape);
                builder.Append(c);
            }

            return builder.ToString();
        }

        public bool IsMatch(string name)
        {
            if (name is null) return false;
            return MatchFrom(name, 0, 0);
        }

        private bool MatchFrom(string name, int position, int tokenIndex)
        {
            while (tokenIndex < tokens.Count)
            {
                var token = tokens[tokenIndex];
                if (token.Kind == TokenKind.AnyRun)
                {
                    // Consecutive stars behave like one; try every split point.
                    while (tokenIndex + 1 < tokens.Count && tokens[tokenIndex + 1].Kind == TokenKind.AnyRun) tokenIndex++;
                    if (tokenIndex + 1 == tokens.Count) return true;
                    for (var start = position; start <= name.Length; start++)
                    {
                        if (MatchFrom(name, start, tokenIndex + 1)) return true;
                    }

                    return false;
                }

                if (position >= name.Length || !token.Matches(name[position])) return false;
                position++;
                tokenIndex++;
            }

            return position == name.Length;
        }

        private static List<Token> Compile(string pattern)
        {
            var result = new List<Token>();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == Escape)
                {
                    // A trailing backtick stands for itself.
                    result.Add(Token.Literal(i + 1 < pattern.Length ? pattern[++i] : Escape));
                }
                else if (c == '*')
                {
                    result.Add(Token.AnyRunToken);
                }
                else if (c == '?')
                {
                    result.Add(Token.AnyOneToken);
                }
                else if (c == '[')
                {
                    i = CompileSet(pattern, i, result);
                }
                else
                {
                    result.Add(Token.Literal(c));
                }
            }

            return result;
        }

        private static int CompileSet(string pattern, int open, List<Token> result)
        {
            var ranges = new List<KeyValuePair<char, char>>();
            var i = open + 1;
            while (i < pattern.Length && pattern[i] != ']')
            {
                var low = pattern[i];
                if (low == Escape && i + 1 < pattern.Length) low = pattern[++i];
                if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
                {
                    var high = pattern[i + 2];
                    i += 2;
                    if (high == Escape && i + 1 < pattern.Length) high = pattern[++i];
                    if (high < low) throw new ArgumentException("The wildcard pattern '" + pattern + "' has a range [" + low + "-" + high + "] whose end comes before its start.", nameof(pattern));
                    ranges.Add(new KeyValuePair<char, char>(low, high));
                }
                else
                {
                    ranges.Add(new KeyValuePair<char, char>(low, low));
                }

                i++;
            }

            if (i >= pattern.Length)
                throw new ArgumentException("The wildcard pattern '" + pattern + "' is not valid: '[' has no closing ']'. Escape a literal bracket with a backtick (`[).", nameof(pattern));
            if (ranges.Count == 0)
                throw new ArgumentException("The wildcard pattern '" + pattern + "' is not valid: '[]' names no character.", nameof(pattern));
            result.Add(Token.Set(ranges));
            return i;
        }

        public override string ToString() => Pattern;

        private enum TokenKind
        {
            Literal,
            AnyOne,
            AnyRun,
            Set,
        }

        private sealed class Token
        {
            public static readonly Token AnyRunToken = new Token(TokenKind.AnyRun, '\0', null);
            public static readonly Token AnyOneToken = new Token(TokenKind.AnyOne, '\0', null);

            private readonly char literal;
            private readonly IReadOnlyList<KeyValuePair<char, char>>? ranges;

            private Token(TokenKind kind, char literal, IReadOnlyList<KeyValuePair<char, char>>? ranges)
            {
                Kind = kind;
                this.literal = literal;
                this.ranges = ranges;
            }

            public TokenKind Kind { get; }

            public static Token Literal(char c) => new Token(TokenKind.Literal, c, null);

            public static Token Set(IReadOnlyList<KeyValuePair<char, char>> ranges) => new Token(TokenKind.Set, '\0', ranges);

            public bool Matches(char c)
            {
                switch (Kind)
                {
                    case TokenKind.AnyOne:
                        return true;
                    case TokenKind.Literal:
                        return char.ToUpperInvariant(c) == char.ToUpperInvariant(literal);
                    case TokenKind.Set:
                        foreach (var range in ranges!)
                        {
                            if (InRange(c, range) || InRange(char.ToUpperInvariant(c), range) || InRange(char.ToLowerInvariant(c), range)) return true;
                        }

                        return false;
                    default:
                        return false;
                }
            }

            private static bool InRange(char c, KeyValuePair<char, char> range) => c >= range.Key && c <= range.Value;
        }
    }
}

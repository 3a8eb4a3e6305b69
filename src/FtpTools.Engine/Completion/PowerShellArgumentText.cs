using System.Text;

namespace FtpTools.Engine.Completion
{
    /// <summary>
    /// How a value is written as a PowerShell command argument: bare when the parser reads it back unchanged, otherwise in
    /// single quotes (where only quote characters need doubling). PowerShell takes the typographic quotes and dashes as
    /// ASCII ones, so they count as special too.
    /// </summary>
    public static class PowerShellArgumentText
    {
        private const string SpecialCharacters = "'\"`$;,(){}@&|<>#[]\u2018\u2019\u201A\u201B\u201C\u201D\u201E";
        private const string SingleQuotes = "'\u2018\u2019\u201A\u201B";
        private const string Dashes = "-\u2013\u2014\u2015";

        public static string Quote(string value)
        {
            if (value.Length > 0 && !NeedsQuotes(value)) return value;
            var builder = new StringBuilder(value.Length + 2).Append('\'');
            foreach (var c in value)
            {
                if (SingleQuotes.IndexOf(c) >= 0) builder.Append(c);
                builder.Append(c);
            }

            return builder.Append('\'').ToString();
        }

        /// <summary>The value a typed argument stands for: surrounding quotes removed (an unfinished one too), escapes undone.</summary>
        public static string Unquote(string typed)
        {
            if (typed.Length == 0) return typed;
            var first = typed[0];
            if (SingleQuotes.IndexOf(first) >= 0) return UnquoteSingle(typed);
            if (first == '"' || first == '\u201C' || first == '\u201D' || first == '\u201E') return RemoveBackticks(typed.Substring(1, typed.Length - (EndsWithQuote(typed, "\"\u201C\u201D\u201E") ? 2 : 1)));
            return RemoveBackticks(typed);
        }

        private static bool NeedsQuotes(string value)
        {
            if (Dashes.IndexOf(value[0]) >= 0) return true;
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || SpecialCharacters.IndexOf(c) >= 0) return true;
            }

            return false;
        }

        private static string UnquoteSingle(string typed)
        {
            var body = typed.Substring(1, typed.Length - (EndsWithQuote(typed, SingleQuotes) ? 2 : 1));
            var builder = new StringBuilder(body.Length);
            for (var i = 0; i < body.Length; i++)
            {
                builder.Append(body[i]);
                if (SingleQuotes.IndexOf(body[i]) >= 0 && i + 1 < body.Length && SingleQuotes.IndexOf(body[i + 1]) >= 0) i++;
            }

            return builder.ToString();
        }

        /// <summary>A closing quote, not the opening one alone, and not one doubled as an escape inside the string.</summary>
        private static bool EndsWithQuote(string typed, string quotes)
        {
            if (typed.Length < 2 || quotes.IndexOf(typed[typed.Length - 1]) < 0) return false;
            var run = 0;
            for (var i = typed.Length - 1; i >= 1 && quotes.IndexOf(typed[i]) >= 0; i--) run++;
            return run % 2 == 1;
        }

        private static string RemoveBackticks(string text)
        {
            if (text.IndexOf('`') < 0) return text;
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '`' && i + 1 < text.Length) i++;
                builder.Append(text[i]);
            }

            return builder.ToString();
        }
    }
}

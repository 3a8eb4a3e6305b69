using System;
using System.Collections.Generic;

namespace FtpTools.Engine
{
    /// <summary>
    /// Assembles reply lines into FtpReply objects; no socket inside. Feed it one line at a time (without CR/LF);
    /// it returns a reply when the line completes one. Multi-line rule as RFC 959 4.2 and ftplib: "ddd-" opens,
    /// the reply ends at a line that starts with three digits followed by a space or nothing. A terminal line whose
    /// code differs from the opening one still ends the reply (some servers do that); its code wins.
    /// </summary>
    public sealed class FtpReplyReader
    {
        /// <summary>The most text one reply may hold (a line counts its characters plus one): a reply that never ends must not exhaust memory.</summary>
        public const int MaxReplyCharacters = 1024 * 1024;

        private readonly List<string> pendingLines = new List<string>();
        private string? openingPrefix;
        private long pendingCharacters;

        /// <summary>True while a multi-line reply has started and not ended.</summary>
        public bool IsInsideReply => openingPrefix != null;

        public FtpReply? Feed(string line)
        {
            if (line is null) throw new ArgumentNullException(nameof(line));
            if (openingPrefix is null)
            {
                if (!StartsWithCode(line))
                    throw new FtpProtocolException("The server sent a line that is not an FTP reply: \"" + Shorten(line) + "\".", FtpPhase.Command);
                var code = ParseCode(line);
                if (line.Length > 3 && line[3] == '-')
                {
                    openingPrefix = line.Substring(0, 3);
                    pendingLines.Clear();
                    pendingCharacters = 0;
                    AddPending(line.Substring(4));
                    return null;
                }

                if (line.Length > 3 && line[3] != ' ')
                    throw new FtpProtocolException("The server sent a malformed reply line: \"" + Shorten(line) + "\".", FtpPhase.Command);
                return new FtpReply(code, new[] { line.Length > 4 ? line.Substring(4) : string.Empty });
            }

            if (IsTerminalLine(line))
            {
                pendingLines.Add(line.Length > 4 ? line.Substring(4) : string.Empty);
                var reply = new FtpReply(ParseCode(line), pendingLines.ToArray());
                pendingLines.Clear();
                openingPrefix = null;
                return reply;
            }

            // pure-ftpd repeats "220-" on every line of its greeting; strip the repeated prefix.
            AddPending(line.Length >= 4 && line.StartsWith(openingPrefix, StringComparison.Ordinal) && line[3] == '-' ? line.Substring(4) : line);
            return null;
        }

        private void AddPending(string text)
        {
            pendingCharacters += text.Length + 1;
            if (pendingCharacters > MaxReplyCharacters)
            {
                var lineCount = pendingLines.Count + 1;
                pendingLines.Clear();
                openingPrefix = null;
                throw new FtpProtocolException("The server sent a multi-line reply of more than " + MaxReplyCharacters + " characters (" + lineCount
                    + " lines) without ending it; the connection is not an FTP server or is corrupted.", FtpPhase.Command);
            }

            pendingLines.Add(text);
        }

        private static bool IsTerminalLine(string line) => StartsWithCode(line) && (line.Length == 3 || line[3] == ' ');

        private static bool StartsWithCode(string line) =>
            line.Length >= 3 && line[0] >= '1' && line[0] <= '5' && char.IsDigit(line[1]) && char.IsDigit(line[2]) && line[1] <= '9' && line[2] <= '9';

        private static int ParseCode(string line) => (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');

        private static string Shorten(string line) => line.Length > 80 ? line.Substring(0, 80) + "..." : line;
    }
}

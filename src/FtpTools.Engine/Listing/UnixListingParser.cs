using System;
using System.Collections.Generic;
using System.Globalization;

namespace FtpTools.Engine
{
    /// <summary>
    /// Parses "ls -l" style LIST lines, as vsftpd, ProFTPD, Pure-FTPd, pyftpdlib and most Unix servers send them:
    /// <c>drwxr-xr-x    2 1001     1001         4096 Nov 21 05:05 name</c>.
    /// </summary>
    /// <remarks>
    /// Returns "." and ".." like any other entry; <see cref="FtpListingParserChain"/> (used by FtpClient.ListDirectory) filters them.
    /// Times are read as UTC (the servers run with GMT listing times).
    /// A date without a year ("Nov 21 05:05") takes the clock's year, or the previous year when that would put it more than a day in the future.
    /// Such dates, and dates with a year but no time ("Jan  2  2021"), set <see cref="FtpListItem.LastWriteTimeIsApproximate"/>.
    /// </remarks>
    public sealed class UnixListingParser : IFtpListingParser
    {
        private const string TypeChars = "-dlcbps";
        private const int PermissionsLength = 9;
        private const string SymbolicLinkArrow = " -> ";

        private const string MonthAbbreviations = "janfebmaraprmayjunjulaugsepoctnovdec";
        private const int IsoDateLength = 10;

        public bool TryParse(string line, FtpListingContext context, out FtpListItem? item)
        {
            if (line is null) throw new ArgumentNullException(nameof(line));
            if (context is null) throw new ArgumentNullException(nameof(context));
            item = null;

            // A STAT reply may indent the listing line by one space; no Unix line starts with meaningful whitespace.
            var text = line.TrimEnd('\r', '\n').TrimStart(' ', '\t');
            if (IsTotalLine(text)) return true;

            var tokens = Tokenize(text);
            if (tokens.Count < 8) return false;
            if (!TryReadMode(tokens[0].Text(text), out var typeChar, out var permissions)) return false;

            // The date is found first because the columns before it vary (no group, device numbers); the first place that reads as
            // size + date with a valid owner column count wins, so a name that itself contains a date cannot confuse it.
            for (var dateIndex = 4; dateIndex + 2 < tokens.Count; dateIndex++)
            {
                if (!TryReadDate(text, tokens, dateIndex, context.Clock, out var lastWriteTime, out var approximate, out var dateTokenCount)) continue;
                if (!TryReadSize(text, tokens, dateIndex, out var length, out var sizeStartIndex, out var isDeviceNumbers)) continue;
                if (!TryReadOwnership(text, tokens, 1, sizeStartIndex, out var owner, out var group)) continue;

                var nameStart = tokens[dateIndex + dateTokenCount - 1].End + 1;
                if (nameStart >= text.Length) return false;
                var name = text.Substring(nameStart);
                string? linkTarget = null;
                if (typeChar == 'l')
                {
                    var arrow = name.IndexOf(SymbolicLinkArrow, StringComparison.Ordinal);
                    if (arrow > 0)
                    {
                        linkTarget = name.Substring(arrow + SymbolicLinkArrow.Length);
                        name = name.Substring(0, arrow);
                    }
                }

                var type = ToItemType(typeChar);
                item = new FtpListItem(name, context.Combine(name), type)
                {
                    // A device's size column means nothing (or holds "major, minor"), so it has no length.
                    Length = typeChar == 'c' || typeChar == 'b' || isDeviceNumbers ? null : length,
                    LastWriteTime = lastWriteTime,
                    LastWriteTimeIsApproximate = approximate,
                    Permissions = permissions,
                    Owner = owner,
                    Group = group,
                    LinkTarget = linkTarget,
                    RawLine = line,
                };
                return true;
            }

            return false;
        }

        private static bool IsTotalLine(string text)
        {
            if (!text.StartsWith("total", StringComparison.OrdinalIgnoreCase)) return false;
            var rest = text.Substring("total".Length).Trim();
            return rest.Length > 0 && IsDigits(rest);
        }

        /// <summary>Reads "drwxr-sr-t" with an optional ACL/extended-attribute marker ('+', '@', '.') after it.</summary>
        private static bool TryReadMode(string token, out char typeChar, out string permissions)
        {
            typeChar = '\0';
            permissions = string.Empty;
            if (token.Length != 1 + PermissionsLength && token.Length != 2 + PermissionsLength) return false;
            if (TypeChars.IndexOf(token[0]) < 0) return false;
            if (token.Length == 2 + PermissionsLength && "+@.".IndexOf(token[1 + PermissionsLength]) < 0) return false;

            for (var triplet = 0; triplet < 3; triplet++)
            {
                var offset = 1 + (triplet * 3);
                if (token[offset] != 'r' && token[offset] != '-') return false;
                if (token[offset + 1] != 'w' && token[offset + 1] != '-') return false;
                var executeChars = triplet == 2 ? "x-tT" : "x-sS";
                if (executeChars.IndexOf(token[offset + 2]) < 0) return false;
            }

            typeChar = token[0];
            permissions = token.Substring(1, PermissionsLength);
            return true;
        }

        /// <summary>Reads "Nov 21 05:05", "Jan  2  2021" or "2026-11-21 09:15" starting at tokens[dateIndex].</summary>
        private static bool TryReadDate(string text, IReadOnlyList<Token> tokens, int dateIndex, IFtpClock clock, out DateTimeOffset lastWriteTime, out bool approximate, out int dateTokenCount)
        {
            lastWriteTime = default;
            approximate = false;
            dateTokenCount = 0;

            var first = tokens[dateIndex].Text(text);
            var second = tokens[dateIndex + 1].Text(text);
            // The shape check first: TryParseExact is costly, and this runs for every line of a listing.
            if (first.Length == IsoDateLength && first[4] == '-' && first[7] == '-'
                && DateTime.TryParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
            {
                if (!TryReadTimeOfDay(second, out var isoTime)) return false;
                lastWriteTime = new DateTimeOffset(isoDate.Add(isoTime), TimeSpan.Zero);
                dateTokenCount = 2;
                return true;
            }

            var month = ToMonthNumber(first);
            if (month == 0) return false;
            if (second.Length > 2 || !IsDigits(second)) return false;
            var day = int.Parse(second, NumberStyles.None, CultureInfo.InvariantCulture);
            var third = tokens[dateIndex + 2].Text(text);
            dateTokenCount = 3;
            approximate = true;

            if (third.Length == 4 && IsDigits(third))
            {
                var year = int.Parse(third, NumberStyles.None, CultureInfo.InvariantCulture);
                return TryCreateUtc(year, month, day, TimeSpan.Zero, out lastWriteTime);
            }

            if (!TryReadTimeOfDay(third, out var timeOfDay)) return false;
            var now = clock.UtcNow.ToUniversalTime();
            if (TryCreateUtc(now.Year, month, day, timeOfDay, out var thisYear) && thisYear <= now.AddDays(1))
            {
                lastWriteTime = thisYear;
                return true;
            }

            return TryCreateUtc(now.Year - 1, month, day, timeOfDay, out lastWriteTime);
        }

        /// <summary>1-12 for an English month abbreviation ("Nov", "nov"), otherwise 0.</summary>
        private static int ToMonthNumber(string token)
        {
            if (token.Length != 3) return 0;
            for (var month = 0; month < 12; month++)
            {
                if (string.Compare(token, 0, MonthAbbreviations, month * 3, 3, StringComparison.OrdinalIgnoreCase) == 0) return month + 1;
            }

            return 0;
        }

        /// <summary>
        /// "H:mm", "HH:mm", "H:mm:ss" or "HH:mm:ss" (hours 0-23, minutes and seconds 00-59), read by hand: DateTime.TryParseExact
        /// with those formats cost more than the rest of the line's parsing together.
        /// </summary>
        private static bool TryReadTimeOfDay(string token, out TimeSpan timeOfDay)
        {
            timeOfDay = default;
            var colon = token.IndexOf(':');
            if (colon < 1 || colon > 2) return false;
            var rest = token.Length - colon - 1;
            if (rest != 2 && rest != 5) return false;
            if (!TryReadNumber(token, 0, colon, out var hours) || hours > 23) return false;
            if (!TryReadNumber(token, colon + 1, 2, out var minutes) || minutes > 59) return false;
            var seconds = 0;
            if (rest == 5 && (token[colon + 3] != ':' || !TryReadNumber(token, colon + 4, 2, out seconds) || seconds > 59)) return false;
            timeOfDay = new TimeSpan(hours, minutes, seconds);
            return true;
        }

        private static bool TryReadNumber(string text, int start, int length, out int value)
        {
            value = 0;
            for (var index = start; index < start + length; index++)
            {
                var c = text[index];
                if (c < '0' || c > '9') return false;
                value = (value * 10) + (c - '0');
            }

            return true;
        }

        private static bool TryCreateUtc(int year, int month, int day, TimeSpan timeOfDay, out DateTimeOffset value)
        {
            value = default;
            if (year < 1 || year > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).Add(timeOfDay);
            return true;
        }

        /// <summary>Reads the size just before the date, or a device's "major, minor" (also "major,minor").</summary>
        private static bool TryReadSize(string text, IReadOnlyList<Token> tokens, int dateIndex, out long? length, out int sizeStartIndex, out bool isDeviceNumbers)
        {
            length = null;
            isDeviceNumbers = false;
            sizeStartIndex = dateIndex - 1;
            var sizeText = tokens[sizeStartIndex].Text(text);

            var comma = sizeText.IndexOf(',');
            if (comma > 0 && IsDigits(sizeText.Substring(0, comma)) && IsDigits(sizeText.Substring(comma + 1)))
            {
                isDeviceNumbers = true;
                return true;
            }

            if (!IsDigits(sizeText)) return false;

            var before = sizeStartIndex - 1;
            if (before >= 1)
            {
                var beforeText = tokens[before].Text(text);
                if (beforeText.Length > 1 && beforeText[beforeText.Length - 1] == ',' && IsDigits(beforeText.Substring(0, beforeText.Length - 1)))
                {
                    sizeStartIndex = before;
                    isDeviceNumbers = true;
                    return true;
                }
            }

            if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return false;
            length = size;
            return true;
        }

        /// <summary>
        /// The columns between the mode and the size: "links owner group", or with the group missing "links owner".
        /// Two columns without a numeric link count are read as "owner group".
        /// </summary>
        private static bool TryReadOwnership(string text, IReadOnlyList<Token> tokens, int firstIndex, int endIndex, out string? owner, out string? group)
        {
            owner = null;
            group = null;
            var count = endIndex - firstIndex;
            switch (count)
            {
                case 3:
                    if (!IsDigits(tokens[firstIndex].Text(text))) return false;
                    owner = tokens[firstIndex + 1].Text(text);
                    group = tokens[firstIndex + 2].Text(text);
                    return true;
                case 2:
                    var firstText = tokens[firstIndex].Text(text);
                    if (IsDigits(firstText))
                    {
                        owner = tokens[firstIndex + 1].Text(text);
                    }
                    else
                    {
                        owner = firstText;
                        group = tokens[firstIndex + 1].Text(text);
                    }

                    return true;
                default:
                    return false;
            }
        }

        private static FtpItemType ToItemType(char typeChar)
        {
            switch (typeChar)
            {
                case '-': return FtpItemType.File;
                case 'd': return FtpItemType.Directory;
                case 'l': return FtpItemType.SymbolicLink;
                default: return FtpItemType.Other;
            }
        }

        private static bool IsDigits(string text)
        {
            if (text.Length == 0) return false;
            foreach (var c in text)
            {
                if (c < '0' || c > '9') return false;
            }

            return true;
        }

        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            var index = 0;
            while (index < text.Length)
            {
                while (index < text.Length && text[index] == ' ') index++;
                if (index >= text.Length) break;
                var start = index;
                while (index < text.Length && text[index] != ' ') index++;
                tokens.Add(new Token(start, index));
            }

            return tokens;
        }

        /// <summary>A run of non-space characters, kept as positions so the name can be cut from the original text with its own spacing.</summary>
        private readonly struct Token
        {
            public Token(int start, int end)
            {
                Start = start;
                End = end;
            }

            public int Start { get; }

            public int End { get; }

            public string Text(string line) => line.Substring(Start, End - Start);
        }
    }
}

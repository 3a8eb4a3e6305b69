using System;
using System.Runtime.CompilerServices;

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

        private static readonly char[] LeadingBlankChars = { ' ', '\t' };

        [MethodImpl(HotPath.Optimized)]
        public bool TryParse(string line, FtpListingContext context, out FtpListItem? item)
        {
            if (line is null) throw new ArgumentNullException(nameof(line));
            if (context is null) throw new ArgumentNullException(nameof(context));
            item = null;

            // A STAT reply may indent the listing line by one space; no Unix line starts with meaningful whitespace.
            var text = line.TrimEnd(FtpListingParserChain.LineEndChars).TrimStart(LeadingBlankChars);
            if (IsTotalLine(text)) return true;

            // Tokens are positions in text and are compared in place: a listing runs this for every line, and cutting each
            // column out as a string doubled what a listing allocated.
            var tokens = context.LineTokens;
            tokens.Split(text);
            if (tokens.Count < 8) return false;
            if (!TryReadMode(text, tokens[0], out var typeChar)) return false;

            // The date is found first because the columns before it vary (no group, device numbers); the first place that reads as
            // size + date with a valid owner column count wins, so a name that itself contains a date cannot confuse it.
            for (var dateIndex = 4; dateIndex + 2 < tokens.Count; dateIndex++)
            {
                if (!TryReadDate(text, tokens, dateIndex, context.Clock, out var lastWriteTime, out var approximate, out var dateTokenCount)) continue;
                if (!TryReadSize(text, tokens, dateIndex, out var length, out var sizeStartIndex, out var isDeviceNumbers)) continue;
                if (!TryReadOwnership(text, tokens, 1, sizeStartIndex, context.RepeatedText, out var owner, out var group)) continue;

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
                    Permissions = context.RepeatedText.Get(text, tokens[0].Start + 1, PermissionsLength),
                    Owner = owner,
                    Group = group,
                    LinkTarget = linkTarget,
                    RawLine = line,
                };
                return true;
            }

            return false;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool IsTotalLine(string text)
        {
            if (!text.StartsWith("total", StringComparison.OrdinalIgnoreCase)) return false;
            var rest = text.Substring("total".Length).Trim();
            return rest.Length > 0 && IsDigits(rest, new ListingToken(0, rest.Length));
        }

        /// <summary>Reads "drwxr-sr-t" with an optional ACL/extended-attribute marker ('+', '@', '.') after it.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool TryReadMode(string text, ListingToken token, out char typeChar)
        {
            typeChar = '\0';
            var start = token.Start;
            if (token.Length != 1 + PermissionsLength && token.Length != 2 + PermissionsLength) return false;
            if (TypeChars.IndexOf(text[start]) < 0) return false;
            if (token.Length == 2 + PermissionsLength && "+@.".IndexOf(text[start + 1 + PermissionsLength]) < 0) return false;

            for (var triplet = 0; triplet < 3; triplet++)
            {
                var offset = start + 1 + (triplet * 3);
                if (text[offset] != 'r' && text[offset] != '-') return false;
                if (text[offset + 1] != 'w' && text[offset + 1] != '-') return false;
                var executeChars = triplet == 2 ? "x-tT" : "x-sS";
                if (executeChars.IndexOf(text[offset + 2]) < 0) return false;
            }

            typeChar = text[start];
            return true;
        }

        /// <summary>Reads "Nov 21 05:05", "Jan  2  2021" or "2026-11-21 09:15" starting at tokens[dateIndex].</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool TryReadDate(string text, ListingLineTokens tokens, int dateIndex, IFtpClock clock, out DateTimeOffset lastWriteTime, out bool approximate, out int dateTokenCount)
        {
            lastWriteTime = default;
            approximate = false;
            dateTokenCount = 0;

            var first = tokens[dateIndex];
            var second = tokens[dateIndex + 1];
            if (first.Length == IsoDateLength && text[first.Start + 4] == '-' && text[first.Start + 7] == '-')
            {
                if (!TryReadNumber(text, first.Start, 4, out var isoYear) || !TryReadNumber(text, first.Start + 5, 2, out var isoMonth)
                    || !TryReadNumber(text, first.Start + 8, 2, out var isoDay)) return false;
                if (isoMonth < 1 || isoMonth > 12) return false;
                if (!TryReadTimeOfDay(text, second, out var isoTime)) return false;
                if (!TryCreateUtc(isoYear, isoMonth, isoDay, isoTime, out lastWriteTime)) return false;
                dateTokenCount = 2;
                return true;
            }

            var month = ToMonthNumber(text, first);
            if (month == 0) return false;
            if (second.Length > 2 || !IsDigits(text, second)) return false;
            TryReadNumber(text, second.Start, second.Length, out var day);
            var third = tokens[dateIndex + 2];
            dateTokenCount = 3;
            approximate = true;

            if (third.Length == 4 && IsDigits(text, third))
            {
                TryReadNumber(text, third.Start, 4, out var year);
                return TryCreateUtc(year, month, day, TimeSpan.Zero, out lastWriteTime);
            }

            if (!TryReadTimeOfDay(text, third, out var timeOfDay)) return false;
            var now = clock.UtcNow.ToUniversalTime();
            if (TryCreateUtc(now.Year, month, day, timeOfDay, out var thisYear) && thisYear <= now.AddDays(1))
            {
                lastWriteTime = thisYear;
                return true;
            }

            return TryCreateUtc(now.Year - 1, month, day, timeOfDay, out lastWriteTime);
        }

        /// <summary>1-12 for an English month abbreviation ("Nov", "nov"), otherwise 0.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static int ToMonthNumber(string text, ListingToken token)
        {
            if (token.Length != 3) return 0;
            for (var month = 0; month < 12; month++)
            {
                if (string.Compare(text, token.Start, MonthAbbreviations, month * 3, 3, StringComparison.OrdinalIgnoreCase) == 0) return month + 1;
            }

            return 0;
        }

        /// <summary>
        /// "H:mm", "HH:mm", "H:mm:ss" or "HH:mm:ss" (hours 0-23, minutes and seconds 00-59), read by hand: DateTime.TryParseExact
        /// with those formats cost more than the rest of the line's parsing together.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool TryReadTimeOfDay(string text, ListingToken token, out TimeSpan timeOfDay)
        {
            timeOfDay = default;
            var colon = text.IndexOf(':', token.Start, token.Length) - token.Start;
            if (colon < 1 || colon > 2) return false;
            var rest = token.Length - colon - 1;
            if (rest != 2 && rest != 5) return false;
            var start = token.Start;
            if (!TryReadNumber(text, start, colon, out var hours) || hours > 23) return false;
            if (!TryReadNumber(text, start + colon + 1, 2, out var minutes) || minutes > 59) return false;
            var seconds = 0;
            if (rest == 5 && (text[start + colon + 3] != ':' || !TryReadNumber(text, start + colon + 4, 2, out seconds) || seconds > 59)) return false;
            timeOfDay = new TimeSpan(hours, minutes, seconds);
            return true;
        }

        [MethodImpl(HotPath.Optimized)]
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

        [MethodImpl(HotPath.Optimized)]
        private static bool TryCreateUtc(int year, int month, int day, TimeSpan timeOfDay, out DateTimeOffset value)
        {
            value = default;
            if (year < 1 || year > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).Add(timeOfDay);
            return true;
        }

        /// <summary>Reads the size just before the date, or a device's "major, minor" (also "major,minor").</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool TryReadSize(string text, ListingLineTokens tokens, int dateIndex, out long? length, out int sizeStartIndex, out bool isDeviceNumbers)
        {
            length = null;
            isDeviceNumbers = false;
            sizeStartIndex = dateIndex - 1;
            var size = tokens[sizeStartIndex];

            var comma = text.IndexOf(',', size.Start, size.Length);
            if (comma > size.Start && IsDigits(text, new ListingToken(size.Start, comma)) && IsDigits(text, new ListingToken(comma + 1, size.End)))
            {
                isDeviceNumbers = true;
                return true;
            }

            if (!IsDigits(text, size)) return false;

            var before = sizeStartIndex - 1;
            if (before >= 1)
            {
                var beforeToken = tokens[before];
                if (beforeToken.Length > 1 && text[beforeToken.End - 1] == ',' && IsDigits(text, new ListingToken(beforeToken.Start, beforeToken.End - 1)))
                {
                    sizeStartIndex = before;
                    isDeviceNumbers = true;
                    return true;
                }
            }

            if (!TryReadLength(text, size, out var value)) return false;
            length = value;
            return true;
        }

        /// <summary>A run of digits as a long; false when it does not fit.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool TryReadLength(string text, ListingToken token, out long value)
        {
            value = 0;
            for (var index = token.Start; index < token.End; index++)
            {
                var digit = text[index] - '0';
                if (value > (long.MaxValue - digit) / 10) return false;
                value = (value * 10) + digit;
            }

            return true;
        }

        /// <summary>
        /// The columns between the mode and the size: "links owner group", or with the group missing "links owner".
        /// Two columns without a numeric link count are read as "owner group".
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool TryReadOwnership(string text, ListingLineTokens tokens, int firstIndex, int endIndex, RepeatedColumnText repeated, out string? owner, out string? group)
        {
            owner = null;
            group = null;
            var count = endIndex - firstIndex;
            switch (count)
            {
                case 3:
                    if (!IsDigits(text, tokens[firstIndex])) return false;
                    owner = Column(text, tokens[firstIndex + 1], repeated);
                    group = Column(text, tokens[firstIndex + 2], repeated);
                    return true;
                case 2:
                    if (IsDigits(text, tokens[firstIndex]))
                    {
                        owner = Column(text, tokens[firstIndex + 1], repeated);
                    }
                    else
                    {
                        owner = Column(text, tokens[firstIndex], repeated);
                        group = Column(text, tokens[firstIndex + 1], repeated);
                    }

                    return true;
                default:
                    return false;
            }
        }

        [MethodImpl(HotPath.Optimized)]
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

        [MethodImpl(HotPath.Optimized)]
        private static bool IsDigits(string text, ListingToken token)
        {
            if (token.Length == 0) return false;
            for (var index = token.Start; index < token.End; index++)
            {
                var c = text[index];
                if (c < '0' || c > '9') return false;
            }

            return true;
        }

        [MethodImpl(HotPath.Optimized)]
        private static string Column(string text, ListingToken token, RepeatedColumnText repeated) => repeated.Get(text, token.Start, token.Length);
    }
}

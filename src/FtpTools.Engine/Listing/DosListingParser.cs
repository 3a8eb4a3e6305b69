using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FtpTools.Engine
{
    /// <summary>
    /// Parses IIS / MS-DOS style LIST lines:
    /// <c>11-21-26  09:15AM       &lt;DIR&gt;          name</c> and <c>11-21-26  09:15AM              1234 name.txt</c>,
    /// with two- or four-digit years and 12-hour (AM/PM) or 24-hour times.
    /// </summary>
    /// <remarks>
    /// Dates are month-day-year and read as UTC. Two-digit years 70-99 mean 19xx, 00-69 mean 20xx.
    /// A file's name starts after the single space that follows its size, so leading spaces in a file name survive;
    /// after &lt;DIR&gt; the padding cannot be told apart from the name, so a directory name loses leading spaces.
    /// Returns "." and ".." like any other entry; <see cref="FtpListingParserChain"/> filters them.
    /// </remarks>
    public sealed class DosListingParser : IFtpListingParser
    {
        private static readonly Regex LinePattern = new Regex(
            @"^(?<month>[0-9]{2})[-/](?<day>[0-9]{2})[-/](?<year>[0-9]{4}|[0-9]{2}) +(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?<ampm>[AaPp][Mm])? +(?:(?<dir><DIR>) +|(?<size>[0-9]+) )(?<name>.+)$",
            RegexOptions.CultureInvariant);

        public bool TryParse(string line, FtpListingContext context, out FtpListItem? item)
        {
            if (line is null) throw new ArgumentNullException(nameof(line));
            if (context is null) throw new ArgumentNullException(nameof(context));
            item = null;

            var match = LinePattern.Match(line.TrimEnd(FtpListingParserChain.LineEndChars));
            if (!match.Success) return false;
            if (!TryReadTimestamp(match, out var lastWriteTime)) return false;

            var name = match.Groups["name"].Value;
            var isDirectory = match.Groups["dir"].Success;
            long? length = null;
            if (!isDirectory)
            {
                if (!long.TryParse(match.Groups["size"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return false;
                length = size;
            }

            item = new FtpListItem(name, context.Combine(name), isDirectory ? FtpItemType.Directory : FtpItemType.File)
            {
                Length = length,
                LastWriteTime = lastWriteTime,
                LastWriteTimeIsApproximate = false,
                RawLine = line,
            };
            return true;
        }

        private static bool TryReadTimestamp(Match match, out DateTimeOffset timestamp)
        {
            timestamp = default;
            var month = ParseNumber(match, "month");
            var day = ParseNumber(match, "day");
            var yearText = match.Groups["year"].Value;
            var year = ParseNumber(match, "year");
            if (yearText.Length == 2) year += year >= 70 ? 1900 : 2000;

            var hour = ParseNumber(match, "hour");
            var minute = ParseNumber(match, "minute");
            var ampm = match.Groups["ampm"];
            if (ampm.Success)
            {
                if (hour < 1 || hour > 12) return false;
                var isPm = char.ToUpperInvariant(ampm.Value[0]) == 'P';
                hour %= 12;
                if (isPm) hour += 12;
            }

            if (month < 1 || month > 12 || year < 1) return false;
            if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            if (hour > 23 || minute > 59) return false;

            timestamp = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
            return true;
        }

        private static int ParseNumber(Match match, string groupName) =>
            int.Parse(match.Groups[groupName].Value, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

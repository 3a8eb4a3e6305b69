using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace FtpTools.Engine
{
    /// <summary>
    /// Parses RFC 3659 fact lines, <c>fact=value;fact=value; name</c>, from MLSD (one line per entry, name relative to the
    /// listed directory) and MLST (one line, the path as the server names it).
    /// </summary>
    /// <remarks>
    /// Fact names are case-insensitive. The facts end at the first "; " and everything after that single space is the
    /// name, so names may hold spaces and ';'.
    /// Type: file, dir, OS.unix=symlink / OS.unix=slink[:target] map to File, Directory, SymbolicLink; any other type, or
    /// none, maps to Other. modify is UTC. Permissions is the rwx form of UNIX.mode when sent, otherwise the perm fact.
    /// Owner and Group prefer the names (UNIX.ownername, UNIX.groupname) over UNIX.owner/UNIX.uid and UNIX.group/UNIX.gid.
    /// Length is size, or for a directory without size its sizd.
    /// </remarks>
    public sealed class MlsdParser : IFtpListingParser
    {
        /// <summary>
        /// Parses one MLSD line. Returns true with item null for the type=cdir and type=pdir entries (the listed directory
        /// itself and its parent), which name no entry of the directory.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public bool TryParse(string line, FtpListingContext context, out FtpListItem? item) =>
            TryParseEntry(line, context, nameIsPath: false, out item);

        /// <summary>
        /// Parses the entry line of an MLST reply, with or without the single leading space the control connection adds.
        /// The name is a path: an absolute one (" /probe.txt") is used as FullName as it is, a relative one is combined
        /// with context.Directory (pass the working directory). type=cdir here is the directory asked about, so it gives
        /// a Directory item; item is never null when this returns true.
        /// </summary>
        public bool TryParseMlst(string line, FtpListingContext context, out FtpListItem? item)
        {
            if (line is null) throw new ArgumentNullException(nameof(line));
            var text = line.TrimEnd(FtpListingParserChain.LineEndChars);
            if (text.StartsWith(" ", StringComparison.Ordinal)) text = text.Substring(1);
            return TryParseEntry(text, context, nameIsPath: true, out item);
        }

        /// <summary>The facts of an entry line, fact names lower-cased, or null when the line is not "facts; name".</summary>
        [MethodImpl(HotPath.Optimized)]
        public static IReadOnlyDictionary<string, string>? ParseFacts(string line, out string name)
        {
            if (line is null) throw new ArgumentNullException(nameof(line));
            name = string.Empty;
            var text = line.TrimEnd(FtpListingParserChain.LineEndChars);

            // An entry with no facts is just " name" (RFC 3659 section 7.2).
            if (text.StartsWith(" ", StringComparison.Ordinal))
            {
                name = text.Substring(1);
                return name.Length == 0 ? null : new Dictionary<string, string>(StringComparer.Ordinal);
            }

            var factsEnd = text.IndexOf("; ", StringComparison.Ordinal);
            if (factsEnd < 0 || factsEnd + 2 >= text.Length) return null;

            var facts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var fact in text.Substring(0, factsEnd).Split(';'))
            {
                if (fact.Length == 0) continue;
                var equals = fact.IndexOf('=');
                if (equals <= 0) return null;
                var factName = fact.Substring(0, equals);
                if (factName.IndexOf(' ') >= 0) return null;
                facts[factName.ToLowerInvariant()] = fact.Substring(equals + 1);
            }

            name = text.Substring(factsEnd + 2);
            return facts;
        }

        /// <summary>"rwxr-sr-t" from an octal UNIX.mode such as "0755", "2755" or "100644"; null when it is not octal.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static string? ConvertUnixModeToPermissions(string mode)
        {
            if (mode is null) throw new ArgumentNullException(nameof(mode));
            if (mode.Length == 0 || mode.Length > 7) return null;
            var value = 0;
            foreach (var digit in mode)
            {
                if (digit < '0' || digit > '7') return null;
                value = (value * 8) + (digit - '0');
            }

            var builder = new StringBuilder(9);
            AppendTriplet(builder, value >> 6, special: (value & 0x800) != 0, specialSet: 's', specialUnset: 'S');
            AppendTriplet(builder, value >> 3, special: (value & 0x400) != 0, specialSet: 's', specialUnset: 'S');
            AppendTriplet(builder, value, special: (value & 0x200) != 0, specialSet: 't', specialUnset: 'T');
            return builder.ToString();
        }

        [MethodImpl(HotPath.Optimized)]
        private static void AppendTriplet(StringBuilder builder, int bits, bool special, char specialSet, char specialUnset)
        {
            builder.Append((bits & 4) != 0 ? 'r' : '-');
            builder.Append((bits & 2) != 0 ? 'w' : '-');
            var execute = (bits & 1) != 0;
            if (special) builder.Append(execute ? specialSet : specialUnset);
            else builder.Append(execute ? 'x' : '-');
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool TryParseEntry(string line, FtpListingContext context, bool nameIsPath, out FtpListItem? item)
        {
            if (line is null) throw new ArgumentNullException(nameof(line));
            if (context is null) throw new ArgumentNullException(nameof(context));
            item = null;

            var facts = ParseFacts(line, out var rawName);
            if (facts is null) return false;

            string? linkTarget = null;
            var type = FtpItemType.Other;
            if (facts.TryGetValue("type", out var typeValue))
            {
                var typeLower = typeValue.ToLowerInvariant();
                switch (typeLower)
                {
                    case "file":
                        type = FtpItemType.File;
                        break;
                    case "dir":
                        type = FtpItemType.Directory;
                        break;
                    case "cdir":
                    case "pdir":
                        if (!nameIsPath) return true;
                        type = FtpItemType.Directory;
                        break;
                    case "os.unix=symlink":
                        type = FtpItemType.SymbolicLink;
                        break;
                    default:
                        if (typeLower.StartsWith("os.unix=slink", StringComparison.Ordinal))
                        {
                            type = FtpItemType.SymbolicLink;
                            var colon = typeValue.IndexOf(':');
                            if (colon >= 0 && colon + 1 < typeValue.Length) linkTarget = typeValue.Substring(colon + 1);
                        }

                        break;
                }
            }

            string name;
            string fullName;
            if (nameIsPath)
            {
                fullName = rawName.StartsWith("/", StringComparison.Ordinal) ? rawName : context.Combine(rawName);
                name = FtpPath.GetName(rawName);
                if (name.Length == 0) name = rawName;
            }
            else
            {
                name = rawName;
                fullName = context.Combine(rawName);
            }

            if (!TryReadLength(facts, "size", out var length)) return false;
            if (length is null && type == FtpItemType.Directory && !TryReadLength(facts, "sizd", out length)) return false;

            DateTimeOffset? lastWriteTime = null;
            if (facts.TryGetValue("modify", out var modifyText))
            {
                if (!TryParseTimeVal(modifyText, out var modify)) return false;
                lastWriteTime = modify;
            }

            string? permissions = null;
            if (facts.TryGetValue("unix.mode", out var modeText)) permissions = ConvertUnixModeToPermissions(modeText);
            if (permissions is null && facts.TryGetValue("perm", out var perm)) permissions = perm;

            item = new FtpListItem(name, fullName, type)
            {
                Length = length,
                LastWriteTime = lastWriteTime,
                LastWriteTimeIsApproximate = false,
                Permissions = permissions,
                Owner = FirstFact(facts, "unix.ownername", "unix.owner", "unix.uid"),
                Group = FirstFact(facts, "unix.groupname", "unix.group", "unix.gid"),
                LinkTarget = linkTarget,
                RawLine = line,
                Facts = facts,
            };
            return true;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool TryReadLength(IReadOnlyDictionary<string, string> facts, string factName, out long? length)
        {
            length = null;
            if (!facts.TryGetValue(factName, out var text)) return true;
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
            length = value;
            return true;
        }

        /// <summary>RFC 3659 time-val: YYYYMMDDHHMMSS with optional ".fraction", always UTC.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool TryParseTimeVal(string text, out DateTimeOffset value)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            value = default;
            var dot = text.IndexOf('.');
            var wholeSeconds = dot < 0 ? text : text.Substring(0, dot);
            if (wholeSeconds.Length != 14) return false;
            if (!DateTime.TryParseExact(wholeSeconds, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)) return false;

            long fractionTicks = 0;
            if (dot >= 0)
            {
                var fraction = text.Substring(dot + 1);
                if (fraction.Length == 0) return false;
                long scale = TimeSpan.TicksPerSecond;
                foreach (var digit in fraction)
                {
                    if (digit < '0' || digit > '9') return false;
                    scale /= 10;
                    fractionTicks += (digit - '0') * scale;
                }
            }

            value = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc)).AddTicks(fractionTicks);
            return true;
        }

        [MethodImpl(HotPath.Optimized)]
        private static string? FirstFact(IReadOnlyDictionary<string, string> facts, params string[] factNames)
        {
            foreach (var factName in factNames)
            {
                if (facts.TryGetValue(factName, out var value) && value.Length > 0) return value;
            }

            return null;
        }
    }
}

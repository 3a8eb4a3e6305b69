using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>One entry of a remote directory, from MLSD/MLST facts or a parsed LIST line.</summary>
    public sealed class FtpListItem
    {
        [MethodImpl(HotPath.Optimized)]
        public FtpListItem(string name, string fullName, FtpItemType type)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            FullName = fullName ?? throw new ArgumentNullException(nameof(fullName));
            Type = type;
        }

        /// <summary>The entry's name within its directory.</summary>
        public string Name { get; }

        /// <summary>The absolute remote path ("/dir/name").</summary>
        public string FullName { get; }

        public FtpItemType Type { get; }

        /// <summary>Size in bytes, when the server told it (64-bit: files over 4 GiB).</summary>
        public long? Length { get; set; }

        /// <summary>Last modification time in UTC, when the server told it.</summary>
        public DateTimeOffset? LastWriteTime { get; set; }

        /// <summary>True when LastWriteTime has no time of day or no year of its own (an old LIST line shows "Jan  2  2021").</summary>
        public bool LastWriteTimeIsApproximate { get; set; }

        /// <summary>Unix permissions as "rwxr-xr-x", or the MLSD perm fact, as the server gave them.</summary>
        public string? Permissions { get; set; }

        public string? Owner { get; set; }

        public string? Group { get; set; }

        /// <summary>For a symbolic link shown as "name -> target" in a LIST line.</summary>
        public string? LinkTarget { get; set; }

        /// <summary>The listing line this item came from.</summary>
        public string? RawLine { get; set; }

        /// <summary>For an MLSD/MLST entry: every fact the server sent, fact names lower-cased ("unique", "unix.mode", ...). Null for LIST lines.</summary>
        public IReadOnlyDictionary<string, string>? Facts { get; set; }

        /// <summary>A copy of this item at another path (its name taken from the path): MLST facts belong to the path asked for.</summary>
        public FtpListItem At(string fullName)
        {
            if (fullName is null) throw new ArgumentNullException(nameof(fullName));
            return new FtpListItem(FtpPath.GetName(fullName), fullName, Type)
            {
                Length = Length,
                LastWriteTime = LastWriteTime,
                LastWriteTimeIsApproximate = LastWriteTimeIsApproximate,
                Permissions = Permissions,
                Owner = Owner,
                Group = Group,
                LinkTarget = LinkTarget,
                RawLine = RawLine,
                Facts = Facts,
            };
        }

        public override string ToString() => FullName;
    }
}

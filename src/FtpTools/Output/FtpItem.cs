using System;
using System.Runtime.CompilerServices;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>A remote file or directory, shaped like Get-ChildItem's output. Only descriptive values are public: no member leads to the engine.</summary>
    public sealed class FtpItem
    {
        [MethodImpl(HotPath.Optimized)]
        public FtpItem(FtpListItem item, FtpSession session)
        {
            if (item is null) throw new ArgumentNullException(nameof(item));
            Name = item.Name;
            FullName = item.FullName;
            ItemType = item.Type;
            // A directory's "size" in a LIST line (4096) or MLSD's sizd is not the size of its contents: directories have no Length, as in Get-ChildItem.
            Length = item.Type == FtpItemType.Directory ? null : item.Length;
            LastWriteTime = item.LastWriteTime?.LocalDateTime;
            Permissions = item.Permissions;
            Owner = item.Owner;
            Group = item.Group;
            LinkTarget = item.LinkTarget;
            Session = session ?? throw new ArgumentNullException(nameof(session));
        }

        public string Name { get; }

        /// <summary>The absolute remote path; the cmdlets that take items bind it to -LiteralPath by property name.</summary>
        public string FullName { get; }

        public FtpItemType ItemType { get; }

        /// <summary>True for a directory, as Get-ChildItem's items say.</summary>
        public bool PSIsContainer => ItemType == FtpItemType.Directory;

        /// <summary>The size in bytes of a file; null for a directory, or when the server did not say.</summary>
        public long? Length { get; }

        /// <summary>Local time, like Get-ChildItem.</summary>
        public DateTime? LastWriteTime { get; }

        public string? Permissions { get; }

        public string? Owner { get; }

        public string? Group { get; }

        public string? LinkTarget { get; }

        /// <summary>The folder that holds the item ("/" at the root), as FileInfo.DirectoryName names a local file's folder.</summary>
        public string DirectoryName
        {
            get
            {
                var slash = FullName.LastIndexOf('/');
                return slash > 0 ? FullName.Substring(0, slash) : "/";
            }
        }

        /// <summary>
        /// Like Get-ChildItem's Mode on Linux: the type (d directory, l link, - file, ? unknown) and the permissions the server
        /// reported, "-rw-r--r--"; a permission text of another shape follows after a space, and none leaves the type alone.
        /// </summary>
        public string Mode
        {
            get
            {
                var type = ItemType switch
                {
                    FtpItemType.Directory => "d",
                    FtpItemType.SymbolicLink => "l",
                    FtpItemType.File => "-",
                    _ => "?",
                };
                if (string.IsNullOrEmpty(Permissions)) return type;
                return IsUnixPermissionText(Permissions!) ? type + Permissions : type + " " + Permissions;
            }
        }

        public FtpSession Session { get; }

        public override string ToString() => FullName;

        private static bool IsUnixPermissionText(string text)
        {
            if (text.Length != 9) return false;
            foreach (var character in text)
            {
                if ("rwxsStT-".IndexOf(character) < 0) return false;
            }

            return true;
        }
    }
}

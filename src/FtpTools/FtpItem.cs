using System;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>A remote file or directory, shaped like Get-ChildItem's output.</summary>
    public sealed class FtpItem
    {
        public FtpItem(FtpListItem item, FtpSession session)
        {
            if (item is null) throw new ArgumentNullException(nameof(item));
            Name = item.Name;
            FullName = item.FullName;
            ItemType = item.Type;
            Length = item.Length;
            LastWriteTime = item.LastWriteTime?.LocalDateTime;
            Permissions = item.Permissions;
            Owner = item.Owner;
            Group = item.Group;
            LinkTarget = item.LinkTarget;
            Session = session ?? throw new ArgumentNullException(nameof(session));
        }

        public string Name { get; }

        /// <summary>The absolute remote path; Receive-FtpItem and the other cmdlets bind it by property name.</summary>
        public string FullName { get; }

        public FtpItemType ItemType { get; }

        public long? Length { get; }

        /// <summary>Local time, like Get-ChildItem.</summary>
        public DateTime? LastWriteTime { get; }

        public string? Permissions { get; }

        public string? Owner { get; }

        public string? Group { get; }

        public string? LinkTarget { get; }

        public FtpSession Session { get; }

        public override string ToString() => FullName;
    }
}

using System;
using System.Globalization;
using System.Text;
using FtpTools.Engine;
using Renci.SshNet.Sftp;

namespace FtpTools.Sftp
{
    /// <summary>SFTP attributes as the engine's FtpListItem, under the caller's path (not the server's canonical one).</summary>
    internal static class SftpListItems
    {
        public static FtpListItem From(string name, string fullName, SftpFileAttributes attributes, string? linkTarget)
        {
            var type = attributes.IsSymbolicLink ? FtpItemType.SymbolicLink
                : attributes.IsDirectory ? FtpItemType.Directory
                : attributes.IsRegularFile ? FtpItemType.File
                : FtpItemType.Other;
            return new FtpListItem(name, fullName, type)
            {
                Length = type == FtpItemType.Directory ? (long?)null : attributes.Size,
                LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(attributes.LastWriteTimeUtc, DateTimeKind.Utc)),
                Permissions = Permissions(attributes),
                Owner = attributes.UserId.ToString(CultureInfo.InvariantCulture),
                Group = attributes.GroupId.ToString(CultureInfo.InvariantCulture),
                LinkTarget = type == FtpItemType.SymbolicLink ? linkTarget : null,
            };
        }

        /// <summary>"rwxr-xr-x", with s/S and t/T for set-id and sticky bits, as ls shows them.</summary>
        public static string Permissions(SftpFileAttributes a)
        {
            var text = new StringBuilder(9);
            text.Append(a.OwnerCanRead ? 'r' : '-').Append(a.OwnerCanWrite ? 'w' : '-').Append(Execute(a.OwnerCanExecute, a.IsUIDBitSet, 's'));
            text.Append(a.GroupCanRead ? 'r' : '-').Append(a.GroupCanWrite ? 'w' : '-').Append(Execute(a.GroupCanExecute, a.IsGroupIDBitSet, 's'));
            text.Append(a.OthersCanRead ? 'r' : '-').Append(a.OthersCanWrite ? 'w' : '-').Append(Execute(a.OthersCanExecute, a.IsStickyBitSet, 't'));
            return text.ToString();
        }

        private static char Execute(bool execute, bool special, char letter) =>
            special ? (execute ? letter : char.ToUpperInvariant(letter)) : execute ? 'x' : '-';
    }
}

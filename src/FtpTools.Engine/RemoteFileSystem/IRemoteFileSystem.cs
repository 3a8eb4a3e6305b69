using System;
using System.IO;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>
    /// A remote file system reached over one connection, whatever the protocol: FtpClient (FTP, FTPS) and the SFTP adapter
    /// implement it. The cmdlets, the local-file transfers and every tree walk speak only to this contract. Failures are the
    /// FtpException family (FtpNotSupportedException where the protocol or server cannot do it), LocalStreamException when the
    /// local stream of a transfer fails (disk full), and OperationCanceledException.
    /// Paths are absolute ("/dir/name") or relative to CurrentDirectory.
    /// </summary>
    public interface IRemoteFileSystem : IDisposable
    {
        RemoteProtocol Protocol { get; }

        bool IsConnected { get; }

        /// <summary>The remote working directory, always absolute.</summary>
        string CurrentDirectory { get; }

        /// <summary>The absolute form of path (null or empty: the current directory), without asking the server.</summary>
        string ResolvePath(string? path);

        void ChangeDirectory(string path, CancellationToken cancellationToken);

        /// <summary>
        /// Every entry of the directory, hidden (dot) entries included, never "." or "..", passed to the visitor as it is read
        /// (in the server's order), so memory stays flat however long the listing. The whole listing at once:
        /// <see cref="RemoteFileSystemListing.ListDirectory(IRemoteFileSystem, string, CancellationToken)"/>.
        /// </summary>
        FtpListingCounts ListDirectory(string? path, IFtpListingVisitor visitor, CancellationToken cancellationToken);

        /// <summary>The item at path, or null when nothing is there.</summary>
        FtpListItem? GetItem(string path, CancellationToken cancellationToken);

        /// <summary>The size of a file, or null when no file is there.</summary>
        long? GetSize(string path, CancellationToken cancellationToken);

        /// <summary>The modification time in UTC, or null when the server has none for path.</summary>
        DateTimeOffset? GetModifiedTime(string path, CancellationToken cancellationToken);

        /// <summary>Whether SetModifiedTime is expected to work (FTP: MFMT in FEAT).</summary>
        bool CanSetModifiedTime { get; }

        void CreateDirectory(string path, bool createParents, CancellationToken cancellationToken);

        void DeleteFile(string path, CancellationToken cancellationToken);

        void RemoveDirectory(string path, bool recursive, CancellationToken cancellationToken);

        void Rename(string fromPath, string toPath, CancellationToken cancellationToken);

        /// <summary>
        /// Renames a file over toPath, replacing a file there: in one step where the server can (FTP servers' RNTO on a Unix file
        /// system; SFTP's posix-rename@openssh.com), otherwise by deleting toPath first, which leaves a moment with neither name.
        /// </summary>
        void RenameReplacing(string fromPath, string toPath, CancellationToken cancellationToken);

        /// <summary>Sets a file's modification time; FtpNotSupportedException when the server cannot.</summary>
        void SetModifiedTime(string path, DateTimeOffset time, CancellationToken cancellationToken);

        /// <summary>A hash computed by the server (null algorithm: the best it offers); FtpNotSupportedException when it offers none.</summary>
        FtpHashResult GetHash(string path, FtpHashAlgorithm? algorithm, CancellationToken cancellationToken);

        /// <summary>Copies the remote file from restartOffset on into destination. Returns the bytes written.</summary>
        long Download(string path, Stream destination, long restartOffset, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken);

        /// <summary>Writes source to the remote file: replace, append, or resume from the remote file's size (source seeked there). Returns the bytes sent.</summary>
        long Upload(Stream source, string path, FtpUploadMode mode, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken);

        /// <summary>Ends the session politely (QUIT, or closing the SSH channel); Dispose closes it at once.</summary>
        void Disconnect(CancellationToken cancellationToken);
    }
}

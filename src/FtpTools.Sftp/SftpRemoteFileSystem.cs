using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace FtpTools.Sftp
{
    /// <summary>
    /// One SFTP session behind the protocol-neutral contract, with FtpClient's semantics: absolute paths resolved against
    /// CurrentDirectory without asking the server, listings with every entry but . and .., symbolic links reported (and
    /// removed or renamed) as links. Synchronous; the token is checked before every request and every transfer chunk.
    /// Not thread-safe: one caller at a time.
    /// </summary>
    /// <remarks>
    /// SSH.NET's SftpClient passes every path through SSH_FXP_REALPATH, which resolves symbolic links: its DeleteFile on a
    /// link deletes the link's target, and Get on a link describes the target. So items are looked up with
    /// <see cref="FindEntry"/>, and removed or renamed through the ISftpFile it returns, which acts on its own name as is.
    /// </remarks>
    public sealed partial class SftpRemoteFileSystem : ISftpFileSystem
    {
        private readonly SftpClient client;
        private readonly SftpTrace trace;
        private readonly SftpSessionAccess access;
        private readonly string host;
        private string currentDirectory;
        private bool disposed;

        internal SftpRemoteFileSystem(SftpClient client, SshSessionInfo sessionInfo, SftpTrace trace, string host)
        {
            this.client = client;
            this.trace = trace;
            this.host = host;
            SessionInfo = sessionInfo;
            access = new SftpSessionAccess(client);
            if (!access.IsAvailable) trace.Info("This SSH.NET does not expose READLINK and LSTAT: symbolic links are listed without targets, and a dangling link reads as missing.");
            if (!access.CanReadDirectoryInBatches) trace.Info("This SSH.NET does not expose READDIR batches: each listing is read whole before its first entry is passed on.");
            currentDirectory = FtpPath.Normalize(string.IsNullOrEmpty(client.WorkingDirectory) ? "/" : client.WorkingDirectory, "/");
        }

        public SshSessionInfo SessionInfo { get; }

        public RemoteProtocol Protocol => RemoteProtocol.Sftp;

        public bool IsConnected => !disposed && client.IsConnected;

        public string CurrentDirectory => currentDirectory;

        public bool CanSetModifiedTime => true;

        public string ResolvePath(string? path) => string.IsNullOrEmpty(path) ? currentDirectory : FtpPath.Normalize(path!, currentDirectory);

        public void ChangeDirectory(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            var attributes = Stat(target, cancellationToken);
            if (attributes is null || !attributes.IsDirectory)
                throw new SftpStatusException("SFTP cd " + target + ": " + (attributes is null ? "no such directory." : "not a directory."), SftpStatus.NoSuchFile, "stat " + target, target);
            currentDirectory = target;
        }

        /// <summary>
        /// Every entry, passed on one READDIR batch at a time (about a hundred entries from OpenSSH), so memory stays flat. Where
        /// this SSH.NET does not expose the batch requests, its ListDirectory reads the whole directory first (the trace says so).
        /// </summary>
        public FtpListingCounts ListDirectory(string? path, IFtpListingVisitor visitor, CancellationToken cancellationToken)
        {
            if (visitor is null) throw new ArgumentNullException(nameof(visitor));
            var directory = ResolvePath(path);
            var stream = new FtpListingStream(directory, visitor);
            if (!access.CanReadDirectoryInBatches)
            {
                foreach (var entry in ReadDirectory(directory, cancellationToken)) Offer(stream, entry.Name, entry.Attributes, cancellationToken);
                return stream.Finish(ReadDirCommand);
            }

            var handle = Run("opendir", directory, cancellationToken, () => access.OpenDirectory(directory));
            try
            {
                KeyValuePair<string, SftpFileAttributes>[]? batch;
                while ((batch = Run("readdir", directory, cancellationToken, () => access.ReadDirectoryBatch(handle))) != null)
                {
                    foreach (var entry in batch) Offer(stream, entry.Key, entry.Value, cancellationToken);
                }
            }
            finally
            {
                CloseQuietly(handle, directory);
            }

            return stream.Finish(ReadDirCommand);
        }

        private const string ReadDirCommand = "READDIR";

        private void Offer(FtpListingStream stream, string name, SftpFileAttributes attributes, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (name == "." || name == "..") return;
            var fullName = FtpPath.Combine(stream.Directory, name);
            var target = attributes.IsSymbolicLink ? Run("readlink", fullName, cancellationToken, () => access.ReadLink(fullName)) : null;
            stream.Offer(SftpListItems.From(name, fullName, attributes, target));
        }

        /// <summary>Closes a directory handle; a listing stopped by its consumer or a dropped connection must not fail a second time here.</summary>
        private void CloseQuietly(byte[] handle, string directory)
        {
            try
            {
                if (IsConnected) access.CloseHandle(handle);
            }
            catch (Exception exception) when (exception is SshException || exception is ObjectDisposedException || exception is System.Net.Sockets.SocketException || exception is System.IO.IOException)
            {
                trace.Info("SFTP close " + directory + ": " + exception.Message);
            }
        }

        public FtpListItem? GetItem(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            if (target == "/") return new FtpListItem("/", "/", FtpItemType.Directory);
            var attributes = access.IsAvailable ? Run("lstat", target, cancellationToken, () => access.LStat(target)) : FindEntry(target, cancellationToken)?.Attributes;
            if (attributes is null) return null;
            var linkTarget = attributes.IsSymbolicLink ? Run("readlink", target, cancellationToken, () => access.ReadLink(target)) : null;
            return SftpListItems.From(FtpPath.GetName(target), target, attributes, linkTarget);
        }

        public long? GetSize(string path, CancellationToken cancellationToken)
        {
            var attributes = Stat(ResolvePath(path), cancellationToken);
            return attributes != null && attributes.IsRegularFile ? attributes.Size : (long?)null;
        }

        public DateTimeOffset? GetModifiedTime(string path, CancellationToken cancellationToken)
        {
            var attributes = Stat(ResolvePath(path), cancellationToken);
            return attributes is null ? (DateTimeOffset?)null : new DateTimeOffset(DateTime.SpecifyKind(attributes.LastWriteTimeUtc, DateTimeKind.Utc));
        }

        /// <summary>SFTP has no standard request for a server-side hash, and SSH.NET offers none of the extensions (check-file).</summary>
        public FtpHashResult GetHash(string path, FtpHashAlgorithm? algorithm, CancellationToken cancellationToken) =>
            throw new FtpNotSupportedException("The SFTP server " + host + " does not offer server-side hashes to FtpTools (SFTP has no standard hash request, and the check-file extension is not supported). "
                + "Download the file and hash it locally (Get-FileHash), or compare sizes and modification times.") { RemotePath = ResolvePath(path) };

        /// <summary>Closes the SSH session; never throws for a connection that is already gone.</summary>
        public void Disconnect(CancellationToken cancellationToken)
        {
            trace.OnCallerThread();
            try
            {
                if (IsConnected) client.Disconnect();
                trace.Info("Disconnected.");
            }
            catch (Exception exception) when (exception is SshException || exception is ObjectDisposedException || exception is System.Net.Sockets.SocketException || exception is System.IO.IOException)
            {
                trace.Info("Disconnect: " + exception.Message);
            }
            finally
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            disposed = true;
            client.Dispose();
        }

        /// <summary>stat, following symbolic links (what SIZE and MDTM see); null when nothing is there.</summary>
        private SftpFileAttributes? Stat(string target, CancellationToken cancellationToken) => Run("stat", target, cancellationToken, () =>
        {
            try
            {
                return client.GetAttributes(target);
            }
            catch (SftpPathNotFoundException)
            {
                return null;
            }
        });

        /// <summary>
        /// The entry at target itself (lstat semantics: a symbolic link is the link) as an ISftpFile whose Delete and MoveTo act
        /// on that name unchanged; null when nothing is there. One realpath+lstat when no link is involved; otherwise (a link
        /// on the path, or a dangling link, which realpath cannot resolve) the entry is taken from its parent's listing.
        /// </summary>
        private ISftpFile? FindEntry(string target, CancellationToken cancellationToken) => Run("lstat", target, cancellationToken, () =>
        {
            try
            {
                var found = client.Get(target);
                if (found.FullName == target) return found;
            }
            catch (SftpPathNotFoundException)
            {
            }

            var name = FtpPath.GetName(target);
            try
            {
                return client.ListDirectory(FtpPath.GetParent(target)).FirstOrDefault(entry => entry.Name == name);
            }
            catch (SftpPathNotFoundException)
            {
                return null;
            }
        });

        private IReadOnlyList<ISftpFile> ReadDirectory(string directory, CancellationToken cancellationToken) =>
            Run("readdir", directory, cancellationToken, () => client.ListDirectory(directory).Where(entry => entry.Name != "." && entry.Name != "..").ToList());

        /// <summary>Every request goes through here: the token is checked, the request traced, and failures mapped.</summary>
        private T Run<T>(string request, string path, CancellationToken cancellationToken, Func<T> operation)
        {
            cancellationToken.ThrowIfCancellationRequested();
            trace.OnCallerThread();
            trace.Info("SFTP " + request + " " + path);
            try
            {
                return operation();
            }
            catch (Exception exception)
            {
                throw SftpErrors.Map(exception, request, path);
            }
        }

        private void Run(string request, string path, CancellationToken cancellationToken, Action operation) => Run(request, path, cancellationToken, () =>
        {
            operation();
            return 0;
        });
    }
}

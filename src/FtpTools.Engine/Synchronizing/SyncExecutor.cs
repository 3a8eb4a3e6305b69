using System;
using System.IO;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>
    /// Carries out one step of a synchronization plan: transfers through LocalFileTransfers (partial files, resume, times),
    /// folders and deletes directly. The one place where a plan touches anything.
    /// </summary>
    public sealed class SyncExecutor
    {
        private readonly RemoteConnectionSlot connection;
        private readonly string localRoot;
        private readonly string remoteRoot;

        public SyncExecutor(RemoteConnectionSlot connection, FtpSyncDirection direction, string localRoot, string remoteRoot)
        {
            Direction = direction;
            this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
            this.localRoot = localRoot ?? throw new ArgumentNullException(nameof(localRoot));
            this.remoteRoot = remoteRoot ?? throw new ArgumentNullException(nameof(remoteRoot));
        }

        public FtpSyncDirection Direction { get; }

        /// <summary>The transfers' callbacks (verbose text, the modification-time warning, progress) are set on this.</summary>
        public Action<LocalFileTransfers>? ConfigureTransfers { get; set; }

        /// <summary>The same steps over another connection (a parallel worker's), with that worker's transfer callbacks.</summary>
        public SyncExecutor On(RemoteConnectionSlot other, Action<LocalFileTransfers> configureTransfers) =>
            new SyncExecutor(other, Direction, localRoot, remoteRoot) { ConfigureTransfers = configureTransfers };

        /// <summary>The local path of a relative path; remote names are checked so they cannot leave the local folder.</summary>
        public string LocalPathOf(string relativePath) =>
            relativePath == SyncAction.RootPath ? localRoot : LocalNameGuard.CombineUnder(localRoot, relativePath.Split('/'));

        /// <summary>LocalPathOf for display: empty when a remote name cannot be a local one (the step then fails and says why).</summary>
        public string LocalPathOfOrEmpty(string relativePath)
        {
            try
            {
                return LocalPathOf(relativePath);
            }
            catch (UnsafeRemoteNameException)
            {
                return string.Empty;
            }
        }

        public string RemotePathOf(string relativePath)
        {
            if (relativePath == SyncAction.RootPath) return remoteRoot;
            var path = remoteRoot;
            foreach (var segment in relativePath.Split('/')) path = FtpPath.Combine(path, segment);
            return path;
        }

        /// <summary>The path the step changes: on the remote side for uploads, locally for downloads.</summary>
        public string TargetPathOf(SyncAction action) => Direction == FtpSyncDirection.Upload ? RemotePathOf(action.RelativePath) : LocalPathOf(action.RelativePath);

        /// <summary>Runs one step. Returns the transfer's result for uploads and downloads, null otherwise; failures are exceptions.</summary>
        public LocalTransferResult? Run(SyncAction action, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (action is null) throw new ArgumentNullException(nameof(action));
            if (action.Blocked != null) throw new DestinationExistsException(TargetPathOf(action), action.Blocked);
            switch (action.Kind)
            {
                case SyncActionKind.Skip:
                    return null;
                case SyncActionKind.CreateFolder:
                    if (Direction == FtpSyncDirection.Upload)
                        connection.Current.CreateDirectory(RemotePathOf(action.RelativePath), true, cancellationToken);
                    else
                        Directory.CreateDirectory(LocalPathOf(action.RelativePath));
                    return null;
                case SyncActionKind.Delete:
                    Delete(action, cancellationToken);
                    return null;
                case SyncActionKind.Upload:
                    return Transfers().UploadFromFile(LocalPathOf(action.RelativePath), RemotePathOf(action.RelativePath), action.IfExists, progress, cancellationToken);
                case SyncActionKind.Download:
                    var localPath = LocalPathOf(action.RelativePath);
                    if (action.DiscardPartial) File.Delete(TransferTargets.PartialPathFor(localPath));
                    var remote = action.Source?.RemoteItem ?? throw new ArgumentException("A download step needs the remote listing entry.", nameof(action));
                    return Transfers().DownloadToFile(remote, localPath, action.IfExists, progress, cancellationToken);
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action.Kind, null);
            }
        }

        private void Delete(SyncAction action, CancellationToken cancellationToken)
        {
            if (Direction == FtpSyncDirection.Upload)
            {
                var path = RemotePathOf(action.RelativePath);
                if (action.IsFolder)
                    connection.Current.RemoveDirectory(path, false, cancellationToken);
                else
                    connection.Current.DeleteFile(path, cancellationToken);
                return;
            }

            var local = LocalPathOf(action.RelativePath);
            if (action.IsFolder)
                Directory.Delete(local, false);
            else
                File.Delete(local);
        }

        private LocalFileTransfers Transfers()
        {
            var transfers = new LocalFileTransfers(connection);
            ConfigureTransfers?.Invoke(transfers);
            return transfers;
        }
    }
}

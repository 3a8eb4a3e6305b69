using System;

namespace FtpTools.Engine.Parallel
{
    /// <summary>One file for the parallel scheduler: which way it moves, both ends, and the listing entry of the remote file when there is one.</summary>
    public sealed class TransferWorkItem
    {
        public TransferWorkItem(TransferDirection direction, string localPath, string remotePath, FtpListItem? remoteItem = null)
        {
            Direction = direction;
            LocalPath = localPath ?? throw new ArgumentNullException(nameof(localPath));
            RemotePath = remotePath ?? throw new ArgumentNullException(nameof(remotePath));
            RemoteItem = remoteItem;
        }

        public TransferDirection Direction { get; }

        public string LocalPath { get; }

        public string RemotePath { get; }

        /// <summary>The remote file as listed (downloads); null when it was not listed (uploads).</summary>
        public FtpListItem? RemoteItem { get; }

        public override string ToString() => Direction == TransferDirection.Download ? RemotePath + " -> " + LocalPath : LocalPath + " -> " + RemotePath;
    }
}

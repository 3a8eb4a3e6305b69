using System;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Files;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>The planner's questions answered by the server (MDTM, HASH and its kin) and the local disk.</summary>
    public sealed class RemoteSyncLookups : ISyncLookups
    {
        private readonly RemoteConnectionSlot connection;
        private readonly CancellationToken cancellationToken;
        private string? hashesUnavailable;

        public RemoteSyncLookups(RemoteConnectionSlot connection, CancellationToken cancellationToken)
        {
            this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
            this.cancellationToken = cancellationToken;
        }

        public DateTimeOffset? ExactRemoteTime(SyncEntry remote)
        {
            try
            {
                return connection.Current.GetModifiedTime(remote.FullPath, cancellationToken);
            }
            catch (FtpCommandException)
            {
                return null;
            }
            catch (FtpNotSupportedException)
            {
                return null;
            }
        }

        public SyncHashes? Hashes(SyncEntry local, SyncEntry remote, out string? unavailableReason)
        {
            unavailableReason = hashesUnavailable;
            if (hashesUnavailable != null) return null;
            FtpHashResult remoteHash;
            try
            {
                remoteHash = connection.Current.GetHash(remote.FullPath, null, cancellationToken);
            }
            catch (FtpNotSupportedException exception)
            {
                hashesUnavailable = exception.Message;
                unavailableReason = hashesUnavailable;
                return null;
            }

            return new SyncHashes(remoteHash.Algorithm, LocalFileHash.Compute(local.FullPath, remoteHash.Algorithm, cancellationToken), remoteHash.Hash);
        }
    }
}

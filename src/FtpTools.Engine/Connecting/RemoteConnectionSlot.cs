using System;
using System.Threading;

namespace FtpTools.Engine.Connecting
{
    /// <summary>
    /// One connection that can be replaced by a fresh one with the same settings, in the same remote directory, when it dropped.
    /// A session holds one; each parallel transfer worker holds its own.
    /// </summary>
    public sealed class RemoteConnectionSlot
    {
        private readonly RemoteConnector connector;

        public RemoteConnectionSlot(RemoteConnector connector, IRemoteFileSystem current)
        {
            this.connector = connector ?? throw new ArgumentNullException(nameof(connector));
            Current = current ?? throw new ArgumentNullException(nameof(current));
        }

        /// <summary>Opens a slot with a new connection of its own, in one attempt.</summary>
        public static RemoteConnectionSlot Open(RemoteConnector connector, CancellationToken cancellationToken) => Open(connector, ConnectRetry.Once, cancellationToken);

        /// <summary>Opens a slot with a new connection of its own, trying again after transient failures as retry says (a session's first connection).</summary>
        public static RemoteConnectionSlot Open(RemoteConnector connector, ConnectRetry retry, CancellationToken cancellationToken)
        {
            if (connector is null) throw new ArgumentNullException(nameof(connector));
            if (retry is null) throw new ArgumentNullException(nameof(retry));
            return new RemoteConnectionSlot(connector, retry.Open(connector, cancellationToken));
        }

        public RemoteConnector Connector => connector;

        /// <summary>The connection in use now; read it for every call, as Reconnect replaces it.</summary>
        public IRemoteFileSystem Current { get; private set; }

        /// <summary>How many times this slot has replaced its connection.</summary>
        public int Reconnects { get; private set; }

        /// <summary>"host:port" of the server, for messages.</summary>
        public string Address => connector.Address;

        /// <summary>
        /// Reconnects when the connection is known to be gone (an earlier failure closed it, the server closed it or sent 421 while
        /// it was idle, the SSH session ended). The check costs no round trip. Returns true when it reconnected.
        /// </summary>
        public bool EnsureConnected(CancellationToken cancellationToken)
        {
            if (Current.IsConnected) return false;
            Reconnect(cancellationToken);
            return true;
        }

        /// <summary>
        /// Runs a call that is safe to repeat (a listing, SIZE, MDTM, CWD, a lookup): when it fails because the control connection
        /// dropped, reconnects (trying again after transient failures as retry says: a server that is restarting refuses the
        /// first attempts) and runs it once more. reconnected is told the reason before the repeat.
        /// </summary>
        public T Repeatable<T>(Func<IRemoteFileSystem, T> call, Action<string>? reconnected, ConnectRetry retry, CancellationToken cancellationToken)
        {
            if (call is null) throw new ArgumentNullException(nameof(call));
            if (retry is null) throw new ArgumentNullException(nameof(retry));
            try
            {
                return call(Current);
            }
            // Only the control connection's own failures: a data connection that could not be made (active mode behind a
            // firewall) also ends the session, but repeating the request would only wait for the same timeout again.
            catch (FtpException exception) when (exception is FtpConnectionException && exception.Phase == FtpPhase.Command && !Current.IsConnected && !cancellationToken.IsCancellationRequested)
            {
                Reconnect(retry, cancellationToken);
                reconnected?.Invoke(exception.Message);
                return call(Current);
            }
        }

        /// <summary>
        /// Drops the current connection (quietly: it is usually broken already), opens a new one in one attempt and returns to the
        /// directory the old one was in. Failures to connect are the FtpException family, and leave the old connection in place.
        /// </summary>
        public IRemoteFileSystem Reconnect(CancellationToken cancellationToken) => Reconnect(ConnectRetry.Once, cancellationToken);

        /// <summary>Reconnect, trying again after transient failures as retry says.</summary>
        public IRemoteFileSystem Reconnect(ConnectRetry retry, CancellationToken cancellationToken)
        {
            if (retry is null) throw new ArgumentNullException(nameof(retry));
            var directory = Current.CurrentDirectory;
            var fresh = retry.Open(connector, cancellationToken);
            try
            {
                if (!string.IsNullOrEmpty(directory) && fresh.CurrentDirectory != directory) fresh.ChangeDirectory(directory, cancellationToken);
            }
            catch
            {
                CloseQuietly(fresh);
                throw;
            }

            CloseQuietly(Current);
            Current = fresh;
            Reconnects++;
            return fresh;
        }

        /// <summary>Disconnects, ignoring failures: a connection being given up may already be gone.</summary>
        public static void CloseQuietly(IRemoteFileSystem fileSystem)
        {
            if (fileSystem is null) return;
            try
            {
                using (var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
                    fileSystem.Disconnect(quick.Token);
            }
            catch (Exception exception) when (exception is FtpException || exception is OperationCanceledException || exception is System.IO.IOException || exception is ObjectDisposedException)
            {
            }
            finally
            {
                fileSystem.Dispose();
            }
        }
    }
}

using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FtpTools.Engine
{
    /// <summary>
    /// One data connection. Passive: connected before the transfer command is sent. Active: a listener that accepts
    /// after the server's preliminary reply. TLS, when used, starts only after that reply (some servers drop a data
    /// connection whose handshake starts earlier, and it is faster).
    /// </summary>
    internal sealed class DataChannel : IDisposable
    {
        private static readonly TimeSpan StalledCancellationGrace = TimeSpan.FromSeconds(1);

        /// <summary>Four TLS records and their headers: one receive call brings several records (ReadAheadStream).</summary>
        private const int TlsReadAhead = 4 * (16 * 1024 + 256);

        private readonly Socket? listener;
        private volatile bool aborting;
        private readonly TimeSpan timeout;
        private Socket? socket;
        private Stream? stream;

        private DataChannel(Socket? connected, Socket? listener, string description, TimeSpan timeout)
        {
            socket = connected;
            this.listener = listener;
            Description = description;
            this.timeout = timeout;
            if (connected != null) ApplyTimeouts(connected);
        }

        /// <summary>"passive mode (EPSV) to 127.0.0.1:30001" — used in error messages.</summary>
        public string Description { get; }

        public bool IsActive => listener != null;

        public Stream Stream => stream ?? throw new InvalidOperationException("The data connection is not open yet.");

        /// <param name="hint">appended to the explanation when the connection fails (empty for none)</param>
        public static DataChannel ConnectPassive(IPEndPoint endPoint, string modeName, TimeSpan timeout, CancellationToken cancellationToken, string hint = "")
        {
            var description = "passive mode (" + modeName + ") to " + endPoint;
            try
            {
                return new DataChannel(SocketConnector.Connect(endPoint, timeout, cancellationToken), null, description, timeout);
            }
            catch (Exception exception) when (exception is SocketException || exception is TimeoutException)
            {
                var what = exception is TimeoutException ? "no answer within " + timeout.TotalSeconds + " s" : exception.Message;
                throw new FtpConnectionException(
                    "The data connection in " + description + " could not be opened (" + what + "). The server's passive port range is probably not reachable through a firewall, "
                    + "or the server is behind NAT and its passive ports are not forwarded. Check that the server's passive ports are open, or try active mode." + hint,
                    FtpPhase.DataConnection, modeName, innerException: exception);
            }
        }

        public static DataChannel Listen(IPAddress bindAddress, int portMin, int portMax, TimeSpan timeout)
        {
            var first = portMin > 0 ? portMin : 0;
            var last = portMin > 0 ? Math.Max(portMin, portMax) : 0;
            SocketException? lastError = null;
            for (var port = first; port <= last; port++)
            {
                var candidate = new Socket(bindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    candidate.Bind(new IPEndPoint(bindAddress, port));
                    candidate.Listen(1);
                    return new DataChannel(null, candidate, "active mode, listening on " + candidate.LocalEndPoint, timeout);
                }
                catch (SocketException exception)
                {
                    candidate.Dispose();
                    lastError = exception;
                }
            }

            throw new FtpConnectionException(
                "Active mode: no local port could be opened on " + bindAddress + (first == 0 ? string.Empty : " in the range " + first + "-" + last) + " (" + lastError?.Message + ").",
                FtpPhase.DataConnection, innerException: lastError, isTransient: true);
        }

        /// <summary>Active mode: the server has connected and the connection waits to be accepted.</summary>
        public bool HasPendingConnection => listener != null && socket is null && listener.Poll(0, SelectMode.SelectRead);

        /// <summary>Active mode: the server did not connect within the data timeout. addendum is appended to the explanation.</summary>
        public FtpConnectionException ConnectBackTimedOut(string command, string addendum, Exception? innerException = null) =>
            new FtpConnectionException(
                "Active mode: the server did not connect back to " + ListeningEndPoint + " within " + timeout.TotalSeconds + " s. Active mode needs inbound connections "
                + "to this computer, which firewalls and NAT on the client side usually block; use passive mode (the default), or open and forward the active port range "
                + "and advertise the external address." + addendum, FtpPhase.DataConnection, command, innerException: innerException);

        public IPEndPoint ListeningEndPoint => (IPEndPoint)(listener ?? throw new InvalidOperationException("Not an active-mode channel.")).LocalEndPoint!;

        /// <summary>After the server's preliminary reply: accept (active mode) and start TLS when asked.</summary>
        public void Open(FtpTlsContext? tls, string command, CancellationToken cancellationToken)
        {
            if (listener != null && socket is null)
            {
                try
                {
                    // Polled, then accepted synchronously, so the data socket stays blocking (see SocketConnector.Connect).
                    if (!WaitForConnectBack(cancellationToken)) throw new TimeoutException();
                    socket = listener.Accept();
                    ApplyTimeouts(socket);
                }
                catch (Exception exception) when (exception is TimeoutException || exception is SocketException)
                {
                    throw ConnectBackTimedOut(command, string.Empty, exception);
                }
                finally
                {
                    listener.Dispose();
                }
            }

            Stream network = new NetworkStream(socket!, true);
            if (tls != null)
            {
                using (cancellationToken.Register(state => ((Socket)state!).Dispose(), socket!))
                    network = tls.AuthenticateData(new ReadAheadStream(network, TlsReadAhead), command);
            }

            stream = network;
        }

        /// <summary>
        /// Ends an upload cleanly: TLS close_notify (or a TCP half-close), then reads until the server closes.
        /// Without this vsftpd over TLS 1.3 reports 426 and refuses the next data connection.
        /// </summary>
        public void FinishUpload()
        {
            if (stream is SslStream tls) SslStreamRuntime.SendCloseNotify(tls, timeout);
            else socket?.Shutdown(SocketShutdown.Send);
            Drain();
        }

        /// <summary>Ends a download whose data was read to the end: answer the server's close_notify with ours.</summary>
        public void FinishDownload()
        {
            if (stream is SslStream tls)
            {
                try
                {
                    SslStreamRuntime.SendCloseNotify(tls, timeout);
                }
                catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException || exception is AggregateException || exception is System.Reflection.TargetInvocationException)
                {
                    // The server may already have closed its side; the data is complete either way.
                }
            }
        }

        /// <summary>
        /// The copy loop checks the token between chunks and aborts gracefully (see FtpClient.TryResync). Only a
        /// transfer stalled inside a read or write is cut by shutting the socket down, after a grace period.
        /// </summary>
        public IDisposable CancelOn(CancellationToken cancellationToken) =>
            cancellationToken.Register(state =>
            {
                var channel = (DataChannel)state!;
                Task.Delay(StalledCancellationGrace).ContinueWith(_ =>
                {
                    if (!channel.aborting) channel.ShutdownSocket();
                }, TaskScheduler.Default);
            }, this);

        /// <summary>Marks the start of a graceful abort, so a pending cancellation no longer cuts the socket.</summary>
        public void BeginAbort() => aborting = true;

        /// <summary>Reads and discards what the server still sends, until it closes the connection or the time is up.</summary>
        public void DiscardIncoming(TimeSpan limit)
        {
            if (stream is null || socket is null) return;
            var deadline = DateTime.UtcNow + limit;
            var scratch = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !socket.Poll((int)(left.Ticks / 10), SelectMode.SelectRead)) return;
                    if (stream.Read(scratch, 0, scratch.Length) == 0) return;
                }
            }
            catch (Exception exception) when (exception is IOException || exception is SocketException || exception is ObjectDisposedException)
            {
            }
        }

        /// <summary>
        /// Ends an interrupted transfer. TLS still gets a close_notify: OpenSSL drops a session from its cache when its
        /// connection ends uncleanly. An upload is also drained: under TLS 1.3 the data connection's new session ticket,
        /// which the next data connection resumes, is read only then (a download read it with its first bytes).
        /// </summary>
        public void Abort(bool isUpload)
        {
            if (stream is SslStream tls)
            {
                try
                {
                    SslStreamRuntime.SendCloseNotify(tls, TimeSpan.FromSeconds(2));
                    if (isUpload)
                    {
                        socket!.ReceiveTimeout = 2000;
                        Drain();
                    }
                }
                catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException || exception is InvalidOperationException
                    || exception is NotSupportedException || exception is SocketException)
                {
                    // Best effort: the connection may already be gone.
                }
            }

            // An abortive close (RST): a server blocked writing the rest of a download into a full window otherwise
            // waits for the kernel's FIN timeout before it notices and answers (pure-ftpd).
            try
            {
                socket?.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
            {
            }

            Dispose();
        }

        private void ShutdownSocket()
        {
            try
            {
                socket?.Shutdown(SocketShutdown.Both);
            }
            catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
            {
            }

            listener?.Dispose();
        }

        public void Dispose()
        {
            try
            {
                stream?.Dispose();
            }
            catch (IOException)
            {
            }

            socket?.Dispose();
            listener?.Dispose();
        }

        private void Drain()
        {
            var scratch = new byte[4096];
            try
            {
                while (stream!.Read(scratch, 0, scratch.Length) > 0)
                {
                }
            }
            catch (IOException)
            {
                // A server that resets instead of closing has still received everything we sent before close_notify.
            }
        }

        private bool WaitForConnectBack(CancellationToken cancellationToken)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var left = timeout <= TimeSpan.Zero ? PollSlice : timeout - waited.Elapsed;
                if (left <= TimeSpan.Zero) return false;
                if (listener!.Poll((int)((left < PollSlice ? left : PollSlice).Ticks / 10), SelectMode.SelectRead)) return true;
            }
        }

        private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(50);

        private void ApplyTimeouts(Socket connected)
        {
            connected.NoDelay = true;
            connected.ReceiveTimeout = SocketConnector.ToMilliseconds(timeout);
            connected.SendTimeout = SocketConnector.ToMilliseconds(timeout);
        }
    }
}

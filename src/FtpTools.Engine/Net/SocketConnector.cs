using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>Opens TCP connections with a timeout and a cancellation token, trying every address of a host in turn.</summary>
    internal static class SocketConnector
    {
        public static IPAddress[] Resolve(string host, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return new[] { literal };
            try
            {
                var lookup = Dns.GetHostAddressesAsync(host);
                if (!lookup.Wait(ToMilliseconds(timeout), cancellationToken))
                    throw new FtpConnectionException("Looking up the address of \"" + host + "\" timed out after " + timeout.TotalSeconds + " s.", FtpPhase.Connect);
                if (lookup.Result.Length == 0)
                    throw new FtpConnectionException("The host name \"" + host + "\" has no address.", FtpPhase.Connect, isTransient: false);
                return lookup.Result;
            }
            catch (AggregateException exception) when (exception.InnerException is SocketException socketException)
            {
                throw new FtpConnectionException("The host name \"" + host + "\" could not be resolved: " + socketException.Message, FtpPhase.Connect,
                    isTransient: socketException.SocketErrorCode == SocketError.TryAgain, innerException: socketException);
            }
        }

        public static Socket Connect(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var failures = new List<string>();
            Exception? lastError = null;
            foreach (var address in Resolve(host, timeout, cancellationToken))
            {
                try
                {
                    return Connect(new IPEndPoint(address, port), timeout, cancellationToken);
                }
                catch (SocketException exception)
                {
                    failures.Add(new IPEndPoint(address, port) + ": " + exception.Message);
                    lastError = exception;
                }
                catch (TimeoutException exception)
                {
                    failures.Add(new IPEndPoint(address, port) + ": no answer within " + timeout.TotalSeconds + " s");
                    lastError = exception;
                }
            }

            throw new FtpConnectionException("Could not connect to " + host + " port " + port + " (" + string.Join("; ", failures) + ").", FtpPhase.Connect, innerException: lastError);
        }

        /// <summary>Throws SocketException for a refused or unreachable endpoint and TimeoutException after timeout.</summary>
        /// <remarks>
        /// A blocking connect, cut by closing the socket when the time is up or the token fires. Neither ConnectAsync nor a
        /// non-blocking connect: on .NET for Linux and macOS either leaves the socket non-blocking for good, and every later
        /// synchronous read that finds no data waits through the runtime's epoll thread and a thread-pool wake-up, which cost a
        /// TLS download more CPU than the decryption.
        /// </remarks>
        public static Socket Connect(IPEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var attempt = new ConnectAttempt(socket);
            try
            {
                using (var timer = new Timer(state => ((ConnectAttempt)state!).Abort(), attempt, ToMilliseconds(timeout), Timeout.Infinite))
                using (cancellationToken.Register(state => ((ConnectAttempt)state!).Abort(), attempt))
                {
                    try
                    {
                        socket.Connect(endPoint);
                    }
                    catch (Exception exception) when (attempt.Aborted && (exception is SocketException || exception is ObjectDisposedException))
                    {
                    }

                    if (!attempt.TryFinish())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new TimeoutException();
                    }
                }

                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Whichever comes first wins: the connect finishing, or the timer or token closing the socket.</summary>
        private sealed class ConnectAttempt
        {
            private const int Connecting = 0, Finished = 1, Abandoned = 2;
            private readonly Socket socket;
            private int state;

            public ConnectAttempt(Socket socket) => this.socket = socket;

            public bool Aborted => Volatile.Read(ref state) == Abandoned;

            public void Abort()
            {
                if (Interlocked.CompareExchange(ref state, Abandoned, Connecting) == Connecting) socket.Dispose();
            }

            public bool TryFinish() => Interlocked.CompareExchange(ref state, Finished, Connecting) == Connecting;
        }

        public static int ToMilliseconds(TimeSpan timeout) =>
            timeout <= TimeSpan.Zero ? Timeout.Infinite : (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
    }
}

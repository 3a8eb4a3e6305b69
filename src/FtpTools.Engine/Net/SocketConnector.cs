using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

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
        public static Socket Connect(IPEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                Task connecting = socket.ConnectAsync(endPoint);
                if (!connecting.Wait(ToMilliseconds(timeout), cancellationToken)) throw new TimeoutException();
                return socket;
            }
            catch (AggregateException exception) when (exception.InnerException is SocketException socketException)
            {
                socket.Dispose();
                throw socketException;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public static int ToMilliseconds(TimeSpan timeout) =>
            timeout <= TimeSpan.Zero ? Timeout.Infinite : (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
    }
}

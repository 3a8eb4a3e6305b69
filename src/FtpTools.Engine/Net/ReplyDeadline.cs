using System;
using System.Net.Sockets;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>
    /// Bounds the time one whole reply may take. The socket's receive timeout applies to each read, so a server that
    /// drips a byte a second would otherwise hold a read forever; when the deadline passes the socket is closed,
    /// which ends the blocked read (the session is unusable after a timeout anyway).
    /// </summary>
    internal sealed class ReplyDeadline : IDisposable
    {
        private const int Running = 0;
        private const int Finished = 1;
        private const int Expired = 2;

        private readonly Timer? timer;
        private int state;

        public ReplyDeadline(Socket socket, TimeSpan limit)
        {
            if (limit <= TimeSpan.Zero) return;
            timer = new Timer(_ =>
            {
                if (Interlocked.CompareExchange(ref state, Expired, Running) == Running) socket.Dispose();
            }, null, limit, Timeout.InfiniteTimeSpan);
        }

        public bool HasExpired => Volatile.Read(ref state) == Expired;

        public void Dispose()
        {
            Interlocked.CompareExchange(ref state, Finished, Running);
            timer?.Dispose();
        }
    }
}

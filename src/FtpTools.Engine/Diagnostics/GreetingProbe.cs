using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>Opens a bare TCP connection to a control port and reads what the server says first, without sending anything.</summary>
    public sealed class GreetingProbe
    {
        private GreetingProbe(GreetingKind kind, IPEndPoint? remote, string text, string failure, TimeSpan connectTime, TimeSpan greetingTime)
        {
            Kind = kind;
            Remote = remote;
            Text = text;
            Failure = failure;
            ConnectTime = connectTime;
            GreetingTime = greetingTime;
        }

        public GreetingKind Kind { get; }

        /// <summary>The address and port the connection reached (the control connection's address for PASV), or null.</summary>
        public IPEndPoint? Remote { get; }

        /// <summary>The first line the server sent, trimmed; empty when it sent nothing.</summary>
        public string Text { get; }

        /// <summary>Why the TCP connection failed: "refused", "no answer within 5 s", a resolver message.</summary>
        public string Failure { get; }

        public TimeSpan ConnectTime { get; }

        public TimeSpan GreetingTime { get; }

        /// <summary>The reply code of an FTP greeting, else null.</summary>
        public int? ReplyCode => Kind == GreetingKind.Ftp && Text.Length >= 3 && int.TryParse(Text.Substring(0, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : (int?)null;

        public static GreetingProbe Run(string host, int port, TimeSpan connectTimeout, TimeSpan greetingTimeout, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            Socket socket;
            try
            {
                socket = SocketConnector.Connect(host, port, connectTimeout, cancellationToken);
            }
            catch (FtpConnectionException exception)
            {
                var failure = exception.InnerException is SocketException socketError && socketError.SocketErrorCode == SocketError.ConnectionRefused
                    ? "refused"
                    : exception.InnerException is TimeoutException ? "no answer within " + Seconds(connectTimeout) : exception.Message;
                return new GreetingProbe(GreetingKind.Unreachable, null, string.Empty, failure, watch.Elapsed, TimeSpan.Zero);
            }

            using (socket)
            {
                var connected = watch.Elapsed;
                var remote = (IPEndPoint)socket.RemoteEndPoint!;
                var (kind, text) = ReadFirstLine(socket, greetingTimeout, cancellationToken);
                return new GreetingProbe(kind, remote, text, string.Empty, connected, watch.Elapsed - connected);
            }
        }

        internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";

        private static (GreetingKind, string) ReadFirstLine(Socket socket, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var received = new byte[512];
            var count = 0;
            var deadline = Stopwatch.StartNew();
            while (count < received.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var left = timeout - deadline.Elapsed;
                if (left <= TimeSpan.Zero) break;
                var wait = left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200);
                if (!socket.Poll((int)(wait.Ticks / 10), SelectMode.SelectRead)) continue;
                int read;
                try
                {
                    read = socket.Receive(received, count, received.Length - count, SocketFlags.None);
                }
                catch (SocketException)
                {
                    read = 0;
                }

                if (read == 0) return count == 0 ? (GreetingKind.Closed, string.Empty) : Classify(received, count);
                count += read;
                if (Array.IndexOf(received, (byte)'\n', 0, count) >= 0) break;
            }

            return count == 0 ? (GreetingKind.Silent, string.Empty) : Classify(received, count);
        }

        private static (GreetingKind, string) Classify(byte[] received, int count)
        {
            var text = Encoding.ASCII.GetString(received, 0, count);
            var end = text.IndexOfAny(new[] { '\r', '\n' });
            var line = (end >= 0 ? text.Substring(0, end) : text).Trim();
            if (line.StartsWith("SSH-", StringComparison.Ordinal)) return (GreetingKind.Ssh, line);
            if (line.Length >= 3 && char.IsDigit(line[0]) && char.IsDigit(line[1]) && char.IsDigit(line[2])) return (GreetingKind.Ftp, line);
            return (GreetingKind.Other, Printable(line));
        }

        private static string Printable(string line)
        {
            var builder = new StringBuilder();
            foreach (var c in line)
            {
                if (builder.Length >= 60) break;
                builder.Append(c >= ' ' && c < 127 ? c : '?');
            }

            return builder.ToString();
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace FtpTools.Engine.Tests.Faults
{
    internal enum FaultAction
    {
        /// <summary>Pause once for FaultRule.Delay, then go on.</summary>
        Delay,

        /// <summary>Pause for FaultRule.Delay before every chunk from then on (a slow link).</summary>
        Throttle,

        /// <summary>Stop forwarding and reading: no bytes, no FIN, until the other side gives up.</summary>
        Stall,

        /// <summary>Abortive close (RST) of both sides, after FaultRule.Delay.</summary>
        Reset,

        /// <summary>FIN to the receiving side; what still comes from the sender is read and dropped.</summary>
        HalfClose,
    }

    /// <summary>
    /// What to do to a connection: when AtByte bytes have passed in the direction (ToClient: server to client), or,
    /// with OnCommand, Delay after the client sent a command line starting with it (then Delay is the wait, not a pause).
    /// </summary>
    internal sealed class FaultRule
    {
        public bool ToClient { get; set; } = true;

        public long AtByte { get; set; }

        public string? OnCommand { get; set; }

        public FaultAction Action { get; set; }

        public TimeSpan Delay { get; set; }

        /// <summary>Set once the rule fired; each rule fires once.</summary>
        public bool Fired { get; set; }
    }

    /// <summary>
    /// A TCP relay on loopback between the client and a real server that injects one fault on the control connection and
    /// one on every data connection. Plain FTP only: it rewrites the port of 227/229 replies so passive data
    /// connections pass through a data relay of their own, which is how data faults reach a real server's transfer.
    /// </summary>
    internal sealed class FaultRelay : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly IPEndPoint target;
        private readonly FaultRule? controlRule;
        private readonly FaultRule? dataRule;
        private readonly ConcurrentBag<IDisposable> open = new ConcurrentBag<IDisposable>();
        private volatile bool disposed;

        private readonly bool relayData;
        private readonly ConcurrentBag<SocketPair> controlPairs = new ConcurrentBag<SocketPair>();

        /// <summary>relayData false: passive replies pass unchanged, so data connections go straight to the server (FTPS, whose control connection the relay cannot read).</summary>
        public FaultRelay(IPEndPoint target, FaultRule? controlRule = null, FaultRule? dataRule = null, bool relayData = true)
        {
            this.target = target;
            this.controlRule = controlRule;
            this.dataRule = dataRule;
            this.relayData = relayData;
            listener.Start();
            Start(() => AcceptLoop(listener, target, controlRule, isControl: true));
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        /// <summary>Data connections relayed so far.</summary>
        public int DataConnections => dataConnections;

        private int dataConnections;

        /// <summary>Set once a rule fired.</summary>
        public bool Fired => (controlRule?.Fired ?? false) || (dataRule?.Fired ?? false);

        /// <summary>Resets (RST) every control connection relayed so far: a connection dropped at a moment the test chooses.</summary>
        public void ResetControlConnections()
        {
            foreach (var pair in controlPairs) pair.Reset();
        }

        public void Dispose()
        {
            disposed = true;
            listener.Stop();
            foreach (var item in open) item.Dispose();
        }

        private static void Start(Action action) => new Thread(() => action()) { IsBackground = true, Name = "fault-relay" }.Start();

        private void AcceptLoop(TcpListener from, IPEndPoint to, FaultRule? rule, bool isControl)
        {
            try
            {
                do
                {
                    var client = from.AcceptSocket();
                    if (!isControl)
                    {
                        Interlocked.Increment(ref dataConnections);
                        from.Stop();
                    }

                    var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    server.Connect(to);
                    open.Add(client);
                    open.Add(server);
                    var pair = new SocketPair(client, server);
                    if (isControl) controlPairs.Add(pair);
                    Start(() => Pump(pair, client, server, toClient: false, rule, isControl));
                    Start(() => Pump(pair, server, client, toClient: true, rule, isControl));
                }
                while (isControl && !disposed);
            }
            catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
            {
            }
        }

        private void Pump(SocketPair pair, Socket source, Socket destination, bool toClient, FaultRule? rule, bool isControl)
        {
            var buffer = new byte[16 * 1024];
            long passed = 0;
            var byteRule = rule != null && rule.OnCommand is null && rule.ToClient == toClient ? rule : null;
            var throttled = false;
            var lines = new StringBuilder();
            try
            {
                while (true)
                {
                    var read = source.Receive(buffer);
                    if (read == 0)
                    {
                        pair.ShutdownSend(destination);
                        return;
                    }

                    if (throttled) Thread.Sleep(byteRule!.Delay);
                    var forward = read;
                    if (byteRule != null && !byteRule.Fired && passed + read >= byteRule.AtByte)
                    {
                        var before = (int)(byteRule.AtByte - passed);
                        Send(destination, buffer, before);
                        passed += before;
                        byteRule.Fired = true;
                        switch (byteRule.Action)
                        {
                            case FaultAction.Reset:
                                // An RST makes the receiver drop what it has not read yet; Delay lets it read the bytes before the fault first.
                                Thread.Sleep(byteRule.Delay);
                                pair.Reset();
                                return;
                            case FaultAction.Stall:
                                pair.WaitUntilClosed();
                                return;
                            case FaultAction.HalfClose:
                                pair.ShutdownSend(destination);
                                while (source.Receive(buffer) > 0)
                                {
                                }

                                return;
                            case FaultAction.Throttle:
                                throttled = true;
                                break;
                            default:
                                Thread.Sleep(byteRule.Delay);
                                break;
                        }

                        Buffer.BlockCopy(buffer, before, buffer, 0, read - before);
                        forward = read - before;
                    }

                    if (isControl && toClient && relayData) forward = RewritePassiveReplies(buffer, forward, ref buffer);
                    if (isControl && !toClient && rule?.OnCommand != null) WatchCommands(pair, rule, buffer, forward, lines);
                    Send(destination, buffer, forward);
                    passed += forward;
                }
            }
            catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
            {
                pair.Reset();
            }
        }

        private void WatchCommands(SocketPair pair, FaultRule rule, byte[] buffer, int count, StringBuilder lines)
        {
            lines.Append(Encoding.ASCII.GetString(buffer, 0, count));
            var text = lines.ToString();
            var newline = text.LastIndexOf('\n');
            if (newline < 0) return;
            lines.Remove(0, newline + 1);
            foreach (var line in text.Substring(0, newline).Split('\n'))
            {
                if (rule.Fired || !line.StartsWith(rule.OnCommand!, StringComparison.Ordinal)) continue;
                rule.Fired = true;
                Start(() =>
                {
                    Thread.Sleep(rule.Delay);
                    if (rule.Action == FaultAction.Reset) pair.Reset();
                    else if (rule.Action == FaultAction.HalfClose) pair.ShutdownSend(pair.Client);
                });
            }
        }

        /// <summary>Replaces the port of each 227/229 reply with a data relay's; assumes a reply line is not split across reads (true on loopback).</summary>
        private int RewritePassiveReplies(byte[] buffer, int count, ref byte[] replaced)
        {
            var text = Encoding.ASCII.GetString(buffer, 0, count);
            if (text.IndexOf("227 ", StringComparison.Ordinal) < 0 && text.IndexOf("229 ", StringComparison.Ordinal) < 0) return count;
            var output = new StringBuilder();
            foreach (var line in text.Split(new[] { "\r\n" }, StringSplitOptions.None))
            {
                if (output.Length > 0) output.Append("\r\n");
                if (line.StartsWith("229 ", StringComparison.Ordinal))
                {
                    var port = PassiveReplyParser.ParseEpsvPort(new FtpReply(229, new[] { line.Substring(4) }));
                    output.Append("229 Entering Extended Passive Mode (|||" + StartDataRelay(port) + "|)");
                }
                else if (line.StartsWith("227 ", StringComparison.Ordinal))
                {
                    var port = StartDataRelay(PassiveReplyParser.ParsePasv(new FtpReply(227, new[] { line.Substring(4) })).Port);
                    output.Append("227 Entering Passive Mode (127,0,0,1," + port / 256 + "," + port % 256 + ").");
                }
                else
                {
                    output.Append(line);
                }
            }

            replaced = Encoding.ASCII.GetBytes(output.ToString());
            return replaced.Length;
        }

        private int StartDataRelay(int serverPort)
        {
            var data = new TcpListener(IPAddress.Loopback, 0);
            data.Start();
            open.Add(new ListenerStopper(data));
            Start(() => AcceptLoop(data, new IPEndPoint(IPAddress.Loopback, serverPort), dataRule, isControl: false));
            return ((IPEndPoint)data.LocalEndpoint).Port;
        }

        private static void Send(Socket destination, byte[] buffer, int count)
        {
            var sent = 0;
            while (sent < count) sent += destination.Send(buffer, sent, count - sent, SocketFlags.None);
        }

        private sealed class ListenerStopper : IDisposable
        {
            private readonly TcpListener listener;

            public ListenerStopper(TcpListener listener) => this.listener = listener;

            public void Dispose() => listener.Stop();
        }

        /// <summary>The two sockets of one relayed connection.</summary>
        private sealed class SocketPair
        {
            private readonly ManualResetEventSlim closed = new ManualResetEventSlim();

            public SocketPair(Socket client, Socket server)
            {
                Client = client;
                Server = server;
            }

            public Socket Client { get; }

            public Socket Server { get; }

            public void ShutdownSend(Socket socket)
            {
                try
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
                catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
                {
                }
            }

            public void Reset()
            {
                foreach (var socket in new[] { Client, Server })
                {
                    try
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }
                    catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
                    {
                    }

                    socket.Dispose();
                }

                closed.Set();
            }

            /// <summary>A stall ends when the relay is disposed or the other direction sees the connection end.</summary>
            public void WaitUntilClosed() => closed.Wait(TimeSpan.FromMinutes(5));
        }
    }
}

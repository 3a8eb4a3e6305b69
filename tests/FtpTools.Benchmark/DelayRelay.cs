using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FtpTools.Benchmark;

/// <summary>
/// Internet latency on loopback: listens on a second loopback address (127.0.0.2) on a server's control port and its
/// whole passive port range, and forwards each connection to the same port on the server's address (127.0.0.1) with
/// a one-way delay in each direction (<see cref="DelayedPipe"/>). A tool pointed at 127.0.0.2 that opens its data
/// connections to the control connection's address (EPSV) sends everything through it; the counters show it did.
/// </summary>
internal sealed class DelayRelay : IDisposable
{
    private readonly List<TcpListener> _listeners = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<int> _controlPorts;
    private long _controlConnections;
    private long _dataConnections;
    private long _failedConnections;

    private DelayRelay(IPAddress listenAddress, IPAddress targetAddress, TimeSpan oneWayDelay, IEnumerable<int> controlPorts)
    {
        ListenAddress = listenAddress;
        TargetAddress = targetAddress;
        OneWayDelay = oneWayDelay;
        _controlPorts = controlPorts.ToHashSet();
    }

    public IPAddress ListenAddress { get; }

    public IPAddress TargetAddress { get; }

    public TimeSpan OneWayDelay { get; }

    /// <summary>Listens on every port (control ports and passive ranges alike); a port that cannot be bound is an error.</summary>
    public static DelayRelay Start(IPAddress listenAddress, IPAddress targetAddress, TimeSpan oneWayDelay, IReadOnlyCollection<int> controlPorts, IEnumerable<int> dataPorts)
    {
        var relay = new DelayRelay(listenAddress, targetAddress, oneWayDelay, controlPorts);
        try
        {
            foreach (int port in controlPorts.Concat(dataPorts).Distinct())
            {
                var listener = new TcpListener(listenAddress, port);
                listener.Start(64);
                relay._listeners.Add(listener);
                _ = relay.AcceptLoop(listener, port);
            }

            return relay;
        }
        catch
        {
            relay.Dispose();
            throw;
        }
    }

    public RelayCounts Counts => new(Interlocked.Read(ref _controlConnections), Interlocked.Read(ref _dataConnections), Interlocked.Read(ref _failedConnections));

    public void Dispose()
    {
        _stop.Cancel();
        foreach (TcpListener listener in _listeners)
        {
            listener.Stop();
        }
    }

    private async Task AcceptLoop(TcpListener listener, int port)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_controlPorts.Contains(port))
            {
                Interlocked.Increment(ref _controlConnections);
            }
            else
            {
                Interlocked.Increment(ref _dataConnections);
            }

            _ = Forward(client, port);
        }
    }

    private async Task Forward(Socket client, int port)
    {
        long accepted = DelayedPipe.Now();
        using var server = new Socket(TargetAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using (client)
        {
            try
            {
                client.NoDelay = true;
                server.NoDelay = true;
                await server.ConnectAsync(new IPEndPoint(TargetAddress, port), _stop.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                Interlocked.Increment(ref _failedConnections);
                return;
            }

            // TCP's handshake costs a round trip before the client's first byte can leave, and the server's first byte
            // (a greeting) leaves only when the handshake's last ACK arrived: 1.5 and 2 round trips after connect().
            // On loopback both ends see the connection at once, so the relay holds the first bytes back that long.
            long delay = DelayedPipe.Ticks(OneWayDelay);
            Task upstream = new DelayedPipe(client, server, OneWayDelay, accepted + 3 * delay).Run(_stop.Token);
            Task downstream = new DelayedPipe(server, client, OneWayDelay, accepted + 4 * delay).Run(_stop.Token);
            await Task.WhenAll(upstream, downstream);
        }
    }
}

/// <summary>Connections the relay accepted: on control ports, on passive (data) ports, and those whose server end would not connect.</summary>
internal sealed record RelayCounts(long Control, long Data, long Failed)
{
    public static RelayCounts operator -(RelayCounts after, RelayCounts before) =>
        new(after.Control - before.Control, after.Data - before.Data, after.Failed - before.Failed);
}

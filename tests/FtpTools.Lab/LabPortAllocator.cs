using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace FtpTools.Lab;

/// <summary>
/// Picks free control ports and non-overlapping passive ranges for one lab. Passive ranges come from below the
/// kernel's ephemeral range so outgoing connections don't take them; a random start keeps parallel labs apart.
/// </summary>
internal sealed class LabPortAllocator
{
    private const int PassiveRegionStart = 20000;

    private readonly HashSet<int> _taken = new();
    private readonly Random _random = new();

    public int ControlPort(IReadOnlyList<string> addresses)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Parse(addresses[0]), 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            if (!_taken.Contains(port) && addresses.All(address => IsFree(address, port)))
            {
                _taken.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException("no free control port on " + string.Join(", ", addresses));
    }

    public (int Min, int Max) PassiveRange(IReadOnlyList<string> addresses, int size)
    {
        int regionEnd = EphemeralRangeStart();
        int blocks = (regionEnd - PassiveRegionStart) / size;
        if (blocks <= 0)
        {
            throw new InvalidOperationException($"no room for passive ports between {PassiveRegionStart} and {regionEnd}");
        }

        int first = _random.Next(blocks);
        for (int i = 0; i < blocks; i++)
        {
            int min = PassiveRegionStart + ((first + i) % blocks * size);
            IEnumerable<int> ports = Enumerable.Range(min, size);
            if (ports.Any(_taken.Contains) || !ports.All(port => addresses.All(address => IsFree(address, port))))
            {
                continue;
            }

            _taken.UnionWith(Enumerable.Range(min, size));
            return (min, min + size - 1);
        }

        throw new InvalidOperationException("no free passive port range of " + size + " ports");
    }

    private static bool IsFree(string address, int port)
    {
        try
        {
            using var socket = new Socket(IPAddress.Parse(address).AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        const string path = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(path)
            && int.TryParse(File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out int start)
            && start > PassiveRegionStart)
        {
            return start;
        }

        return 32768;
    }
}

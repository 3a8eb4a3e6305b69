using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;

namespace FtpTools.Benchmark;

/// <summary>The round trip a tool meets: NOOP on an FTP control connection (before login), timed on the client side.</summary>
internal static class LatencyProbe
{
    private const int Probes = 5;

    /// <summary>Median milliseconds of NOOP → reply, and how long connect → greeting took (TCP's handshake included).</summary>
    public static (double NoopMs, double GreetingMs) Ftp(string host, int port)
    {
        var clock = Stopwatch.StartNew();
        using var client = new TcpClient { NoDelay = true };
        client.Connect(host, port);
        using NetworkStream stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        ReadReply(reader);
        double greeting = clock.Elapsed.TotalMilliseconds;
        double[] noops = Enumerable.Range(0, Probes).Select(_ =>
        {
            long start = Stopwatch.GetTimestamp();
            stream.Write(Encoding.ASCII.GetBytes("NOOP\r\n"));
            ReadReply(reader);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).Order().ToArray();
        stream.Write(Encoding.ASCII.GetBytes("QUIT\r\n"));
        return (noops[Probes / 2], greeting);
    }

    /// <summary>Reads one reply, multi-line ones ("220-" ... "220 ") included.</summary>
    private static void ReadReply(StreamReader reader)
    {
        while (true)
        {
            string line = reader.ReadLine() ?? throw new IOException("the server closed the connection");
            if (line.Length >= 4 && char.IsDigit(line[0]) && line[3] == ' ')
            {
                return;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace FtpTools.Engine.Tests.Lab;

using FtpTools.Lab;

/// <summary>A lab of its own (not the shared fixture): stopping it must leave no process, port or folder behind.</summary>
public sealed class LabLifecycleTests
{
    [LabFact]
    public void Dispose_kills_masters_and_logged_in_session_processes_and_deletes_the_folder()
    {
        string[] names = { "vsftpd-plain", "proftpd-plain", "pureftpd-plain", "pyftpdlib-plain" };
        var clients = new List<TcpClient>();
        List<int> processes;
        string directory;
        (string Host, int Port)[] endpoints;
        using (Lab lab = Lab.Start(names))
        {
            directory = lab.Directory;
            endpoints = lab.Servers.Select(server => (server.Host, server.Port)).ToArray();
            foreach (LabServer server in lab.Servers)
            {
                clients.Add(LogIn(server));
            }

            processes = lab.Servers.SelectMany(server => SessionMembers(server.ProcessId!.Value)).ToList();
            // vsftpd and proftpd fork per session, so there are more processes than masters.
            Assert.True(processes.Count > names.Length, "expected session processes: " + string.Join(",", processes));
        }

        clients.ForEach(client => client.Dispose());
        Assert.DoesNotContain(processes, IsAlive);
        Assert.False(Directory.Exists(directory));
        foreach ((string host, int port) in endpoints)
        {
            using var probe = new TcpClient(AddressFamily.InterNetwork);
            Assert.Throws<SocketException>(() => probe.Connect(host, port));
        }
    }

    private static TcpClient LogIn(LabServer server)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { ReceiveTimeout = 10_000 };
        client.Connect(server.Host, server.Port);
        var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        ReadReply(reader, "220");
        client.GetStream().Write(Encoding.ASCII.GetBytes($"USER {server.User}\r\n"));
        ReadReply(reader, "331");
        client.GetStream().Write(Encoding.ASCII.GetBytes($"PASS {server.Password}\r\n"));
        ReadReply(reader, "230");
        return client;
    }

    private static void ReadReply(StreamReader reader, string expectedCode)
    {
        string? line;
        do
        {
            line = reader.ReadLine() ?? throw new EndOfStreamException("connection closed");
        }
        while (line.Length < 4 || line[3] != ' ');

        Assert.StartsWith(expectedCode, line);
    }

    /// <summary>Lab servers run in their own session (setsid): the master and every session child share its id.</summary>
    private static IEnumerable<int> SessionMembers(int session) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => Stat(pid) is { } stat && stat.Session == session)
            .ToList();

    private static bool IsAlive(int pid) => Stat(pid) is { State: not 'Z' };

    private static (char State, int Session)? Stat(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}

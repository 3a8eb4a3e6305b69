using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;

namespace FtpTools.Lab;

/// <summary>
/// A server process started in its own session (setsid) with stdout/stderr (and stdin, where vsftpd prints its
/// start-up errors) going to a log file. Stopping kills the master, its descendants and anything left in its
/// session: vsftpd and proftpd session processes outlive their master.
/// </summary>
internal sealed class LabProcess : IDisposable
{
    private const int SigKill = 9;

    private readonly Process _process;

    private LabProcess(Process process, string consoleLog)
    {
        _process = process;
        ConsoleLog = consoleLog;
    }

    public int Id => _process.Id;

    public string ConsoleLog { get; }

    public bool HasExited => _process.HasExited;

    public static LabProcess Start(LabEnvironment environment, LabLaunch launch, string consoleLog, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(environment.Setsid) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        startInfo.ArgumentList.Add("/bin/sh");
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 0>&1");
        startInfo.ArgumentList.Add("sh");
        startInfo.ArgumentList.Add(consoleLog);
        if (launch.RunAs is (int uid, int gid))
        {
            startInfo.ArgumentList.Add(environment.Setpriv);
            startInfo.ArgumentList.Add("--reuid=" + uid.ToString(CultureInfo.InvariantCulture));
            startInfo.ArgumentList.Add("--regid=" + gid.ToString(CultureInfo.InvariantCulture));
            startInfo.ArgumentList.Add("--clear-groups");
        }

        startInfo.ArgumentList.Add(launch.FileName);
        foreach (string argument in launch.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in launch.Environment)
        {
            startInfo.Environment[name] = value;
        }

        Process process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start " + launch.FileName);
        return new LabProcess(process, consoleLog);
    }

    /// <summary>Kills the whole tree and session; returns once nothing of it is left (or after ~5 s).</summary>
    public void Kill()
    {
        int root = _process.Id;
        for (int round = 0; round < 100; round++)
        {
            List<int> victims = FindTree(root);
            if (victims.Count == 0)
            {
                break;
            }

            foreach (int pid in victims)
            {
                _ = SendSignal(pid, SigKill);
            }

            Thread.Sleep(20);
        }

        _process.WaitForExit(5000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    /// <summary>Live (non-zombie) processes that descend from <paramref name="root"/> or belong to its session.</summary>
    private static List<int> FindTree(int root)
    {
        var table = new List<(int Pid, int Parent, int Session, char State)>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                // pid (comm) state ppid pgrp session ...; comm may contain spaces and parentheses.
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                table.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture), fields[0][0]));
            }
            catch (IOException)
            {
                // exited while we looked
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        var tree = new HashSet<int>();
        if (table.Any(entry => entry.Pid == root))
        {
            tree.Add(root);
        }

        tree.UnionWith(table.Where(entry => entry.Session == root).Select(entry => entry.Pid));
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach ((int pid, int parent, _, _) in table)
            {
                if (tree.Contains(parent) && tree.Add(pid))
                {
                    grew = true;
                }
            }
        }

        return table.Where(entry => tree.Contains(entry.Pid) && entry.State != 'Z').Select(entry => entry.Pid).ToList();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

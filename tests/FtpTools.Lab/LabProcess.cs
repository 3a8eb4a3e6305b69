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
        KillTree(_process.Id);
        _process.WaitForExit(5000);
    }

    /// <summary>SIGKILLs <paramref name="root"/>, its descendants and its session until none is left (~2 s at most).</summary>
    public static void KillTree(int root)
    {
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
    }

    /// <summary>Start time of a live process in clock ticks since boot (field 22 of /proc/PID/stat); null when gone or a zombie.</summary>
    public static string? StartTime(int pid) => ReadStat(pid) is { } fields && fields[0] != "Z" ? fields[19] : null;

    /// <summary>Session id of a live (non-zombie) process; null when gone.</summary>
    public static int? Session(int pid) =>
        ReadStat(pid) is { } fields && fields[0] != "Z" ? int.Parse(fields[3], CultureInfo.InvariantCulture) : null;

    public void Dispose()
    {
        // Also when the master already died: its session children may still run.
        Kill();
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

            if (ReadStat(pid) is { } fields)
            {
                table.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture), fields[0][0]));
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

    /// <summary>Fields of /proc/PID/stat after "pid (comm)": [0] state, [1] ppid, [2] pgrp, [3] session, ... [19] starttime.</summary>
    private static string[]? ReadStat(int pid)
    {
        try
        {
            // comm may contain spaces and parentheses: split after the last ')'.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

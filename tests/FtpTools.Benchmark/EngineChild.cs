using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine;

namespace FtpTools.Benchmark;

/// <summary>
/// The engine side, run in a child process of its own (`--engine-only KIND ...`) so its peak RSS is measured like
/// the other tools'. FTP goes through FtpClient, SFTP through SftpRemoteFileSystem as the module loads it (see
/// <see cref="EngineSessions"/>); both are driven through the same IRemoteFileSystem calls. Prints one "engine-result"
/// line; failed files of a tree are counted, not fatal. With --sshnet, SSH.NET's SftpClient is driven directly instead
/// (<see cref="SshNetDirect"/>), to see what SSH.NET itself can do and what its settings change.
/// </summary>
internal static class EngineChild
{
    public const string ResultPrefix = "engine-result ";

    public static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--tls", "--sftp", "--sshnet" };

    public static int Run(ArgumentReader arguments)
    {
        TransferKind kind = Scenario.ParseKind(arguments.Text("--engine-only"));
        string remote = arguments.Text("--remote");
        string local = arguments.Text("--local");
        var settings = new EngineSettings(Number(arguments, "--transfer-buffer-kib"), Number(arguments, "--file-buffer-kib"));
        IReadOnlyList<string> treeFiles = arguments.OptionalText("--tree-list") is { } list ? File.ReadAllLines(list) : Array.Empty<string>();
        if (arguments.Has("--sshnet"))
        {
            return SshNetDirect.Run(arguments, kind, remote, local, settings);
        }

        var counter = new CommandCounter();
        bool sftp = arguments.Has("--sftp");
        Func<IRemoteFileSystem> connect = sftp ? EngineSessions.Sftp(arguments) : EngineSessions.Ftp(arguments, settings, counter);
        CancellationToken none = CancellationToken.None;
        var clock = Stopwatch.StartNew();
        IRemoteFileSystem? session = null;
        int failures = 0;
        string extraFields = string.Empty;
        try
        {
            session = connect();
            counter.Reset();
            switch (kind)
            {
                case TransferKind.LargeDownload:
                    using (FileStream file = new(local, FileMode.Create, FileAccess.Write, FileShare.None, FileBuffer(settings), FileOptions.None))
                    {
                        var transferClock = Stopwatch.StartNew();
                        session.Download(remote, file, 0, null, none);
                        extraFields = TransferAlone(transferClock);
                    }

                    break;
                case TransferKind.LargeUpload:
                    using (FileStream file = new(local, FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer(settings), FileOptions.SequentialScan))
                    {
                        var transferClock = Stopwatch.StartNew();
                        session.Upload(file, remote, FtpUploadMode.Overwrite, null, none);
                        extraFields = TransferAlone(transferClock);
                    }

                    break;
                case TransferKind.TreeDownload:
                    foreach (string directory in TreeLayout.Directories(treeFiles))
                    {
                        Directory.CreateDirectory(Path.Combine(local, directory));
                    }

                    failures = ForEachFile(ref session, connect, treeFiles, (current, file) =>
                    {
                        using FileStream target = new(Path.Combine(local, file), FileMode.Create, FileAccess.Write, FileShare.None, FileBuffer(settings), FileOptions.None);
                        current.Download(remote + "/" + file, target, 0, null, none);
                    });
                    break;
                case TransferKind.TreeUpload:
                    session.CreateDirectory(remote, createParents: true, none);
                    foreach (string directory in TreeLayout.Directories(treeFiles))
                    {
                        session.CreateDirectory(remote + "/" + directory, createParents: true, none);
                    }

                    failures = ForEachFile(ref session, connect, treeFiles, (current, file) =>
                    {
                        using FileStream source = new(Path.Combine(local, file), FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer(settings), FileOptions.SequentialScan);
                        current.Upload(source, remote + "/" + file, FtpUploadMode.Overwrite, null, none);
                    });
                    break;
                case TransferKind.Listing:
                    extraFields = ListOnce(session, remote);
                    break;
            }

            string security = EngineSessions.Security(session);
            session.Disconnect(none);
            double seconds = clock.Elapsed.TotalSeconds;
            PrintResult(seconds, failures, security, sftp ? null : counter, extraFields);
            return 0;
        }
        catch (FtpException exception)
        {
            Console.Error.WriteLine("engine: " + exception.Message);
            return 1;
        }
        finally
        {
            session?.Dispose();
        }
    }

    /// <summary>The one line the parent reads; security has no spaces (it is one key=value field).</summary>
    public static void PrintResult(double seconds, int failures, string security, CommandCounter? counter = null, string extraFields = "") =>
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix}seconds={seconds:0.000000} failures={failures} security={security.Replace(' ', '_')} vmhwm-kib={PeakRssKiB()} allocated-kib={GC.GetTotalAllocatedBytes() / 1024} commands={counter?.Commands ?? -1} dataconns={counter?.DataConnections ?? -1}{extraFields}"));

    /// <summary>
    /// The folder listed once through IRemoteFileSystem.ListDirectory, the streaming call Get-FtpChildItem makes (MLSD, or
    /// LIST -a where the server has no MLST: vsftpd), every entry counted; the listing alone is timed, in wall time and in
    /// CPU time of the whole process (JIT and GC threads included; steadier than wall time on a loaded machine), with the
    /// JIT compilation it caused; then listed again, timed apart (-1 when the second count differs). Returns the extra result fields.
    /// </summary>
    private static string ListOnce(IRemoteFileSystem session, string folder)
    {
        var counter = new ListingCounter();
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        FtpListingCounts counts = session.ListDirectory(folder, counter, CancellationToken.None);
        double seconds = clock.Elapsed.TotalSeconds;
        double jitSeconds = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds;
        long jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;

        var again = new ListingCounter();
        clock.Restart();
        session.ListDirectory(folder, again, CancellationToken.None);
        double secondSeconds = again.Items == counter.Items ? clock.Elapsed.TotalSeconds : -1;
        self.Refresh();
        double cpuSeconds = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $" entries={counter.Items} unparsed={counter.UnparsedLines} refused={counter.RefusedEntries} listing-seconds={seconds:0.000000} listing-cpu-seconds={cpuSeconds:0.000000} listing-command={counts.Command} listing-jit-seconds={jitSeconds:0.000000} listing-jit-methods={jitMethods} listing-second-seconds={secondSeconds:0.000000}");
    }

    /// <summary>The large file's transfer call alone (the result's seconds run from Connect to Disconnect), as an extra result field.</summary>
    private static string TransferAlone(Stopwatch transferClock) =>
        string.Create(CultureInfo.InvariantCulture, $" transfer-seconds={transferClock.Elapsed.TotalSeconds:0.000000}");

    /// <summary>0 in FileStream's constructor means no FileStream buffer: the engine already reads and writes in large blocks.</summary>
    public static int FileBuffer(EngineSettings settings) => settings.FileBufferKiB * 1024;

    /// <summary>Files one after the other in one session; a session that breaks is replaced and the file counted as failed.</summary>
    private static int ForEachFile(ref IRemoteFileSystem session, Func<IRemoteFileSystem> connect, IReadOnlyList<string> files, Action<IRemoteFileSystem, string> transfer)
    {
        int failures = 0;
        foreach (string file in files)
        {
            try
            {
                transfer(session, file);
            }
            catch (FtpException exception)
            {
                failures++;
                Console.Error.WriteLine("engine: " + file + ": " + exception.Message);
                if (!session.IsConnected)
                {
                    session.Dispose();
                    session = connect();
                }
            }
        }

        return failures;
    }

    private static int Number(ArgumentReader arguments, string name) =>
        arguments.OptionalText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;

    private static long PeakRssKiB()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

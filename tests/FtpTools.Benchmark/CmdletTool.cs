using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// The module as users run it: a fresh pwsh runs CmdletChild.ps1 (Import-Module, Connect-FtpServer, one Send-FtpItem or
/// Receive-FtpItem, Disconnect-FtpServer). Seconds: the transfer cmdlet alone (a Stopwatch around it in the child);
/// the process's wall time, CPU and peak RSS come from GNU time as for the other tools. Variants: "cmdlet" (defaults,
/// progress off), "cmdlet-p8" (-ThrottleLimit 8, trees only) and "cmdlet-progress" (progress on, in a pseudo-terminal
/// that answers like xterm, so the console host really draws).
/// </summary>
internal sealed class CmdletTool : ITransferTool
{
    public const string DefaultName = "cmdlet";
    public const string ParallelName = "cmdlet-p8";
    public const string ProgressName = "cmdlet-progress";
    public const int IssueMemoryLimitMiB = 40;
    private const int ParallelThrottleLimit = 8;
    private const string PseudoTerminalPython = "/usr/bin/python3";
    private const int UnusableArgumentsExitCode = 3;

    private readonly string _scratchDirectory;
    private readonly PowerShellHost? _host;
    private readonly string? _hostProblem;

    public CmdletTool(string name, string scratchDirectory, PowerShellHost? host, string? hostProblem)
    {
        Name = name;
        _scratchDirectory = scratchDirectory;
        _host = host;
        _hostProblem = hostProblem;
    }

    public string Name { get; }

    public bool Handles(Scenario scenario) => Name != ParallelName || scenario.IsTree;

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles) => Run(plan, treeFiles, countCommands: false);

    /// <summary>
    /// The whole tree once more with -Verbose, its trace lines counted in the child ("> COMMAND"): not timed, since
    /// passing thousands of verbose records through the pipeline costs time of its own.
    /// </summary>
    public ToolAttempt CountRoundTrips(TransferPlan plan) => Run(plan, plan.TreeFiles, countCommands: true);

    private ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles, bool countCommands)
    {
        if (_host is null)
        {
            return new ToolAttempt(0, 0, 0, 1, Math.Max(1, treeFiles.Count), "PROBLEM: " + _hostProblem, null);
        }

        ServerEndpoint server = plan.Server;
        (string remote, string local) = plan.Ends();
        string resultFile = Path.Combine(_scratchDirectory, "cmdlet-" + Guid.NewGuid().ToString("N") + ".result");
        var arguments = new List<string>
        {
            "-NoProfile", "-NonInteractive", "-File", Path.Combine(AppContext.BaseDirectory, "CmdletChild.ps1"),
            "-Manifest", _host.ModuleManifest, "-Kind", Scenario.KindName(plan.Scenario.Kind),
            "-ComputerName", server.Host, "-Port", server.Port.ToString(CultureInfo.InvariantCulture),
            "-User", server.User, "-Remote", remote, "-Local", local, "-ResultFile", resultFile,
        };
        if (server.Ssh is { } ssh)
        {
            arguments.AddRange(new[] { "-Security", "Sftp", "-KeyFile", ssh.PrivateKeyPath, "-HostKeyFingerprints", string.Join(',', ssh.HostKeyFingerprints) });
        }
        else
        {
            arguments.AddRange(new[] { "-Password", server.Password, "-Security", server.Tls ? "Explicit" : "None" });
            if (server.Tls)
            {
                arguments.AddRange(new[] { "-Thumbprint", server.CertificateSha256 });
            }
        }

        string? listFile = null;
        if (plan.Scenario.IsTree && treeFiles.Count < plan.TreeFiles.Count)
        {
            listFile = Path.Combine(_scratchDirectory, "cmdlet-" + Guid.NewGuid().ToString("N") + ".list");
            File.WriteAllLines(listFile, treeFiles);
            arguments.AddRange(new[] { "-FileList", listFile });
        }

        if (Name == ParallelName)
        {
            arguments.AddRange(new[] { "-ThrottleLimit", ParallelThrottleLimit.ToString(CultureInfo.InvariantCulture) });
        }

        if (Name == ProgressName)
        {
            arguments.Add("-ShowProgress");
        }

        if (countCommands)
        {
            arguments.Add("-CountCommands");
        }

        MeasuredProcess run = Name == ProgressName
            ? MeasuredProcess.Run(PseudoTerminalPython, new[] { Path.Combine(AppContext.BaseDirectory, "answering-pty.py"), _host.Program }.Concat(arguments), _scratchDirectory)
            : MeasuredProcess.Run(_host.Program, arguments, _scratchDirectory);
        string? result = File.Exists(resultFile) ? File.ReadAllText(resultFile).Trim() : null;
        File.Delete(resultFile);
        if (listFile is not null)
        {
            File.Delete(listFile);
        }

        string errors = (run.StandardError + (Name == ProgressName ? string.Empty : run.StandardOutput)).Trim();
        if (run.ExitCode != 0 || result is null)
        {
            return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode == 0 ? 1 : run.ExitCode, Math.Max(1, treeFiles.Count),
                errors.Length == 0 ? "exit code " + run.ExitCode + " and no result" : errors, null, Retryable: run.ExitCode != UnusableArgumentsExitCode);
        }

        Dictionary<string, string> fields = result.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        long Kib(string name) => long.Parse(fields[name], CultureInfo.InvariantCulture);
        int commands = int.Parse(fields["commands"], CultureInfo.InvariantCulture);
        RoundTrips? roundTrips = countCommands && !plan.Scenario.IsSftp
            ? new RoundTrips(commands, int.Parse(fields["dataconns"], CultureInfo.InvariantCulture), treeFiles.Count)
            : null;
        return new ToolAttempt(double.Parse(fields["seconds"], CultureInfo.InvariantCulture), run.PeakRssKiB, run.CpuSeconds, 0,
            int.Parse(fields["failures"], CultureInfo.InvariantCulture), errors, Detail(plan, run, double.Parse(fields["cpu-seconds"], CultureInfo.InvariantCulture), Kib("rss-import-kib"), Kib("rss-connect-kib"), Kib("peak-kib")), roundTrips,
            Entries: fields.TryGetValue("entries", out string? entries) ? int.Parse(entries, CultureInfo.InvariantCulture) : -1,
            AloneSeconds: plan.Scenario.IsTree ? -1 : double.Parse(fields["seconds"], CultureInfo.InvariantCulture),
            SecondListingSeconds: plan.Scenario.IsListing ? double.Parse(fields["second-seconds"], CultureInfo.InvariantCulture) : -1);
    }

    /// <summary>cpuSeconds: the pwsh process's CPU time (all threads) while the cmdlet ran.</summary>
    private string Detail(TransferPlan plan, MeasuredProcess run, double cpuSeconds, long importKiB, long connectKiB, long peakKiB)
    {
        string verb = plan.Scenario.IsListing ? "Get-FtpChildItem" : plan.Scenario.IsUpload ? "Send-FtpItem" : "Receive-FtpItem";
        double growthMiB = (peakKiB - importKiB) / 1024.0;
        string terminal = Name == ProgressName ? "; pty: " + run.StandardOutput.Trim() : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"seconds = {verb} alone (CPU {cpuSeconds:0.000} s); process wall {run.Seconds:0.00} s (cpu {run.CpuSeconds:0.00} s) incl. pwsh start-up, Import-Module, Connect; pwsh RSS after Import-Module {importKiB / 1024.0:0.0} MiB, after Connect {connectKiB / 1024.0:0.0} MiB, peak {peakKiB / 1024.0:0.0} MiB (+{growthMiB:0.0} MiB over Import-Module: {(growthMiB <= IssueMemoryLimitMiB ? "within" : "MORE than")} {IssueMemoryLimitMiB} MiB){terminal}");
    }
}

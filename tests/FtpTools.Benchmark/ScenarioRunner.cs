using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>Runs one tool in one scenario: attempts (up to 3, re-sending only what is still wrong), verification, clean-up.</summary>
internal sealed class ScenarioRunner
{
    private readonly Workspace _workspace;
    private readonly IReadOnlyList<string> _treeFiles;

    public ScenarioRunner(Workspace workspace, IReadOnlyList<string> treeFiles)
    {
        _workspace = workspace;
        _treeFiles = treeFiles;
    }

    /// <summary>Remote paths here are relative to the server's root; each tool names them with <see cref="ServerEndpoint.RemotePath"/>.</summary>
    public TransferPlan Plan(Scenario scenario, ServerEndpoint server, string tool) => new(
        scenario,
        server,
        LocalLargeSource: _workspace.LargeSource,
        RemoteLargeSource: "/large.bin",
        RemoteLargeTarget: $"/up-large-{tool}.bin",
        LocalLargeTarget: Path.Combine(_workspace.Client, tool + "-large.bin"),
        LocalTreeSource: _workspace.TreeSource,
        RemoteTreeSource: "/tree",
        RemoteTreeTarget: $"/up-tree-{tool}",
        LocalTreeTarget: Path.Combine(_workspace.Client, tool + "-tree"),
        TreeFiles: _treeFiles);

    /// <summary>One round. hashLargeFile: compare the large file's SHA-256 too (size is always compared).</summary>
    public RoundResult RunRound(ITransferTool tool, TransferPlan plan, bool hashLargeFile)
    {
        RemoveTargets(plan);
        IReadOnlyList<string> pending = _treeFiles;
        double treeSeconds = 0;
        double treeCpuSeconds = 0;
        double cpuSeconds = 0;
        long peakRss = 0;
        int failures = 0;
        string? problem = null;
        string? detail = null;
        double seconds = 0;
        try
        {
            for (int attempt = 1; attempt <= BenchmarkSettings.MaxAttempts; attempt++)
            {
                ToolAttempt result = tool.Run(plan, pending);
                peakRss = Math.Max(peakRss, result.PeakRssKiB);
                detail = result.Detail ?? detail;
                treeSeconds += result.Seconds;
                treeCpuSeconds += result.CpuSeconds;
                seconds = plan.Scenario.IsTree ? treeSeconds : result.Seconds;
                cpuSeconds = plan.Scenario.IsTree ? treeCpuSeconds : result.CpuSeconds;

                if (plan.Scenario.IsTree)
                {
                    pending = Verification.MismatchedTreeFiles(plan.LocalTreeSource, TreeTarget(plan), pending);
                    failures += Math.Max(result.FailedTransfers, pending.Count);
                    problem = pending.Count == 0 ? null : $"{pending.Count} files missing or wrong; {FirstLine(result.Errors)}";
                }
                else
                {
                    problem = Verification.CheckLargeFile(LargeTarget(plan), _workspace.LargeSize, hashLargeFile ? _workspace.LargeSha256 : null);
                    if (problem is not null || result.ExitCode != 0)
                    {
                        failures++;
                        problem ??= "exit code " + result.ExitCode;
                        problem += "; " + FirstLine(result.Errors);
                    }
                }

                if (problem is null)
                {
                    break;
                }
            }
        }
        finally
        {
            RemoveTargets(plan);
        }

        return new RoundResult(seconds, peakRss, cpuSeconds, failures, problem, detail);
    }

    private static string FirstLine(string text) => text.Split('\n').FirstOrDefault(line => line.Length > 0) ?? string.Empty;

    private static string LargeTarget(TransferPlan plan) => plan.Scenario.IsUpload
        ? ServerPath(plan.Server, plan.RemoteLargeTarget)
        : plan.LocalLargeTarget;

    private static string TreeTarget(TransferPlan plan) => plan.Scenario.IsUpload
        ? ServerPath(plan.Server, plan.RemoteTreeTarget)
        : plan.LocalTreeTarget;

    private static string ServerPath(ServerEndpoint server, string remotePath) => Path.Combine(server.RootDirectory, remotePath.TrimStart('/'));

    /// <summary>Deleting as we go keeps /dev/shm (memory) from filling up with gigabyte copies.</summary>
    private static void RemoveTargets(TransferPlan plan)
    {
        foreach (string file in new[] { plan.LocalLargeTarget, ServerPath(plan.Server, plan.RemoteLargeTarget) })
        {
            File.Delete(file);
        }

        foreach (string directory in new[] { plan.LocalTreeTarget, ServerPath(plan.Server, plan.RemoteTreeTarget) })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

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
    private readonly DelayRelay? _relay;
    private readonly int _listEntries;

    public ScenarioRunner(Workspace workspace, IReadOnlyList<string> treeFiles, DelayRelay? relay, int listEntries)
    {
        _workspace = workspace;
        _treeFiles = treeFiles;
        _relay = relay;
        _listEntries = listEntries;
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
        TreeFiles: _treeFiles,
        RemoteListing: "/" + Workspace.ListingFolder,
        ListEntries: _listEntries);

    /// <summary>One round. hashLargeFile: compare the large file's SHA-256 too (size is always compared).</summary>
    public RoundResult RunRound(ITransferTool tool, TransferPlan plan, bool hashLargeFile) =>
        RunRound((pending) => tool.Run(plan, pending), plan, hashLargeFile);

    /// <summary>
    /// The cmdlet's tree once more with its trace counted (not timed); null with the reason when it did not give counts
    /// or the tree did not arrive whole.
    /// </summary>
    public (RoundTrips? Counts, string? Problem) CountRoundTrips(CmdletTool tool, TransferPlan plan)
    {
        RoundResult result = RunRound(pending => pending.Count == plan.TreeFiles.Count ? tool.CountRoundTrips(plan) : tool.Run(plan, pending), plan, hashLargeFile: false);
        return result.Problem is null && result.RoundTrips is not null ? (result.RoundTrips, null) : (null, result.Problem ?? "no trace counts");
    }

    private RoundResult RunRound(Func<IReadOnlyList<string>, ToolAttempt> run, TransferPlan plan, bool hashLargeFile)
    {
        RemoveTargets(plan);
        ServerLog? log = plan.Server.ProtocolLog is { } logPath ? new ServerLog(logPath) : null;
        RoundTrips? roundTrips = null;
        RelayCounts relayed = new(0, 0, 0);
        (int Commands, int DataConnections) logged = (0, 0);
        IReadOnlyList<string> pending = _treeFiles;
        double treeSeconds = 0;
        double treeCpuSeconds = 0;
        double cpuSeconds = 0;
        long peakRss = 0;
        int failures = 0;
        string? problem = null;
        string? detail = null;
        double seconds = 0;
        double aloneSeconds = -1;
        double secondListingSeconds = -1;
        try
        {
            for (int attempt = 1; attempt <= BenchmarkSettings.MaxAttempts; attempt++)
            {
                RelayCounts relayBefore = _relay?.Counts ?? relayed;
                long logMark = log?.Mark() ?? 0;
                ToolAttempt result = run(pending);
                if (_relay is not null)
                {
                    relayed = Add(relayed, _relay.Counts - relayBefore);
                }

                if (log is not null)
                {
                    (int commands, int dataConnections) = log.CountSince(logMark);
                    logged = (logged.Commands + commands, logged.DataConnections + dataConnections);
                }

                roundTrips ??= result.RoundTrips;
                peakRss = Math.Max(peakRss, result.PeakRssKiB);
                detail = result.Detail ?? detail;
                treeSeconds += result.Seconds;
                treeCpuSeconds += result.CpuSeconds;
                seconds = plan.Scenario.IsTree ? treeSeconds : result.Seconds;
                cpuSeconds = plan.Scenario.IsTree ? treeCpuSeconds : result.CpuSeconds;
                aloneSeconds = result.AloneSeconds;

                if (plan.Scenario.IsTree)
                {
                    pending = Verification.MismatchedTreeFiles(plan.LocalTreeSource, TreeTarget(plan), pending);
                    failures += Math.Max(result.FailedTransfers, pending.Count);
                    problem = pending.Count == 0 ? null : $"{pending.Count} files missing or wrong; {FirstLine(result.Errors)}";
                }
                else if (plan.Scenario.IsListing)
                {
                    secondListingSeconds = result.SecondListingSeconds;
                    problem = result.ExitCode != 0 ? "exit code " + result.ExitCode
                        : result.Entries != plan.ListEntries ? $"listed {result.Entries} entries, expected {plan.ListEntries}"
                        : null;
                    if (problem is not null)
                    {
                        failures++;
                        problem += "; " + FirstLine(result.Errors);
                    }
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

                if (problem is null || !result.Retryable)
                {
                    break;
                }
            }
        }
        finally
        {
            RemoveTargets(plan);
        }

        string? notes = Notes(plan, relayed, logged, log is not null);
        if (_relay is not null && log is not null && relayed.Data < logged.DataConnections)
        {
            problem = (problem is null ? string.Empty : problem + "; ")
                + $"only {relayed.Data} of {logged.DataConnections} data connections went through the delay relay";
        }

        detail = detail is null ? notes : notes is null ? detail : detail + "; " + notes;
        return new RoundResult(seconds, peakRss, cpuSeconds, failures, problem, detail, roundTrips, aloneSeconds, secondListingSeconds);
    }

    private string? Notes(TransferPlan plan, RelayCounts relayed, (int Commands, int DataConnections) logged, bool hasLog)
    {
        var notes = new List<string>();
        if (hasLog && plan.Scenario.IsTree)
        {
            var perFile = new RoundTrips(logged.Commands, logged.DataConnections, plan.TreeFiles.Count);
            notes.Add($"server log: {perFile.CommandsPerFile} commands/file, {perFile.DataConnectionsPerFile} data conns/file (login included)");
        }

        if (_relay is not null)
        {
            notes.Add($"relay: {relayed.Control} control + {relayed.Data} data connections{(relayed.Failed > 0 ? $", {relayed.Failed} failed to reach the server" : string.Empty)}");
        }

        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    private static RelayCounts Add(RelayCounts a, RelayCounts b) => new(a.Control + b.Control, a.Data + b.Data, a.Failed + b.Failed);

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

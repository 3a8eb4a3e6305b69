using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FtpTools.Lab;

namespace FtpTools.Benchmark;

/// <summary>The whole comparison: lab start (on /dev/shm), data, every scenario x tool x round, the table.</summary>
internal static class BenchmarkRun
{
    private const string PlainServer = "vsftpd-plain";
    private const string TlsServer = "vsftpd-explicit";
    private const string MemoryBackedTemp = "/dev/shm";

    public static int Run(BenchmarkSettings settings)
    {
        IReadOnlyList<string> missing = new[] { "/usr/bin/time", CurlTool.Program, LftpTool.Program }.Where(path => !File.Exists(path)).ToArray();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine("missing " + string.Join(", ", missing) + " (apt-get install -y time curl lftp)");
            return 1;
        }

        // Lab.Start and Workspace.Create use the temp folder; on /dev/shm no disk I/O enters the numbers.
        string? previousTemp = Environment.GetEnvironmentVariable("TMPDIR");
        bool inMemory = Directory.Exists(MemoryBackedTemp);
        if (inMemory)
        {
            Environment.SetEnvironmentVariable("TMPDIR", MemoryBackedTemp);
        }

        try
        {
            IReadOnlyList<string> treeFiles = TreeLayout.Files(settings.Files);
            Console.Error.WriteLine($"starting {PlainServer} and {TlsServer}; writing {settings.SizeMiB} MiB and {settings.Files} x 4 KiB to {Path.GetTempPath()}");
            using Lab.Lab lab = Lab.Lab.Start(PlainServer, TlsServer);
            using Workspace workspace = Workspace.Create(settings.LargeBytes, treeFiles);
            var servers = new Dictionary<bool, ServerEndpoint>
            {
                [false] = Endpoint(lab[PlainServer], tls: false),
                [true] = Endpoint(lab[TlsServer], tls: true),
            };
            foreach (ServerEndpoint server in servers.Values)
            {
                workspace.PublishTo(server.RootDirectory, treeFiles);
            }

            Console.Out.WriteLine("FtpTools engine vs curl vs lftp, vsftpd on loopback");
            foreach ((string name, string value) in MachineDescription.Collect())
            {
                Console.Out.WriteLine($"  {name,-10} {value}");
            }

            Console.Out.WriteLine($"  data       {(inMemory ? "server roots and client files on /dev/shm (tmpfs): no disk I/O" : "on " + Path.GetTempPath() + ": disk I/O included")}");
            Console.Out.WriteLine($"  tls curl   {TlsVersionProbe.Curl(servers[true], workspace.Scratch)}");
            Console.Out.WriteLine($"  tls lftp   {TlsVersionProbe.Lftp(servers[true], workspace.Scratch)}");
            Console.Out.WriteLine($"  sizes      large file {settings.SizeMiB} MiB (SHA-256 {workspace.LargeSha256[..16]}...), tree {settings.Files} x {TreeLayout.FileSize} B, {settings.Rounds} round(s), median shown");
            Console.Out.WriteLine();

            var tools = new ITransferTool[]
            {
                new CurlTool(workspace.Scratch),
                new LftpTool(workspace.Scratch),
                new EngineTool(workspace.Scratch, settings.Engine),
            }.Where(tool => settings.Tools.Contains(tool.Name)).ToArray();
            var runner = new ScenarioRunner(workspace, treeFiles);
            var rounds = new Dictionary<(Scenario, string), List<RoundResult>>();
            for (int round = 1; round <= settings.Rounds; round++)
            {
                foreach (Scenario scenario in settings.Scenarios)
                {
                    foreach (ITransferTool tool in tools)
                    {
                        TransferPlan plan = runner.Plan(scenario, servers[scenario.Tls], tool.Name);
                        RoundResult result = runner.RunRound(tool, plan, hashLargeFile: round == 1);
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"round {round} {scenario.Name,-21} {tool.Name,-6} {result.Seconds,8:0.000} s  failures {result.Failures}{(result.Problem is null ? string.Empty : "  PROBLEM " + result.Problem)}"));
                        if (!rounds.TryGetValue((scenario, tool.Name), out List<RoundResult>? list))
                        {
                            rounds[(scenario, tool.Name)] = list = new List<RoundResult>();
                        }

                        list.Add(result);
                    }
                }
            }

            var measurements = settings.Scenarios.SelectMany(scenario => tools.Select(tool => Summarize(scenario, tool.Name, rounds[(scenario, tool.Name)]))).ToArray();
            ResultTable.Print(Console.Out, measurements, settings.LargeBytes, settings.Files);
            return measurements.All(measurement => measurement.Verified) ? 0 : 3;
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", previousTemp);
        }
    }

    private static Measurement Summarize(Scenario scenario, string tool, IReadOnlyList<RoundResult> rounds)
    {
        string? problem = rounds.Select(round => round.Problem).LastOrDefault(text => text is not null);
        string? detail = rounds[^1].Detail;
        if (rounds.Count > 1)
        {
            detail = (detail is null ? string.Empty : detail + "; ")
                + "rounds " + string.Join(", ", rounds.Select(round => round.Seconds.ToString("0.000", CultureInfo.InvariantCulture))) + " s";
        }

        return new Measurement(scenario, tool, rounds.Select(round => round.Seconds).ToArray(), rounds.Max(round => round.PeakRssKiB),
            rounds.Sum(round => round.Failures), rounds.All(round => round.Problem is null), problem, detail);
    }

    private static ServerEndpoint Endpoint(LabServer server, bool tls) =>
        new(server.Host, server.Port, server.User, server.Password, tls, server.CertificatePath, server.CertificateSha256, server.RootDirectory);
}

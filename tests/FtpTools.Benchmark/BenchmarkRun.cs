using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using FtpTools.Lab;

namespace FtpTools.Benchmark;

/// <summary>The whole comparison: lab start (on /dev/shm), data, every scenario x tool x round, the tables (FTP, SFTP).</summary>
internal static class BenchmarkRun
{
    private const string MemoryBackedTemp = "/dev/shm";
    private const string SshKeyName = "id_ed25519";
    private static readonly IPAddress RelayAddress = IPAddress.Parse("127.0.0.2");

    private static readonly IReadOnlyDictionary<Transport, string> ServerNames = new Dictionary<Transport, string>
    {
        [Transport.FtpPlain] = "vsftpd-plain",
        [Transport.FtpTls] = "vsftpd-explicit",
        [Transport.Sftp] = "openssh-sftp",
    };

    public static int Run(BenchmarkSettings settings)
    {
        IReadOnlyList<string> missing = new[] { "/usr/bin/time", CurlTool.Program, LftpTool.Program, OpenSshSftpTool.Program }.Where(path => !File.Exists(path)).ToArray();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine("missing " + string.Join(", ", missing) + " (apt-get install -y time curl lftp openssh-client)");
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
            Transport[] transports = settings.Scenarios.Select(scenario => scenario.Transport).Distinct().ToArray();
            string[] serverNames = transports.Select(transport => ServerNames[transport]).ToArray();
            Console.Error.WriteLine($"starting {string.Join(", ", serverNames)}; writing {settings.SizeMiB} MiB and {settings.Files} x {settings.TreeFileKiB} KiB to {Path.GetTempPath()}");
            using Lab.Lab lab = Lab.Lab.Start(serverNames);
            using Workspace workspace = Workspace.Create(settings.LargeBytes, treeFiles, settings.TreeFileBytes);
            LabServer[] labServers = transports.Select(transport => lab[ServerNames[transport]]).ToArray();
            if (settings.ServerCpus is not null)
            {
                CpuPinning.PinServers(labServers.Select(server => server.ProcessId ?? throw new ArgumentException(server.Name + " has no process to pin")), settings.ServerCpus);
            }

            using DelayRelay? relay = settings.DelayMs > 0 ? StartRelay(labServers, settings.DelayMs) : null;
            Dictionary<Transport, ServerEndpoint> servers = transports.ToDictionary(transport => transport, transport => Endpoint(lab[ServerNames[transport]], transport, relay));
            foreach (ServerEndpoint server in servers.Values)
            {
                workspace.PublishTo(server.RootDirectory, treeFiles);
                if (settings.Scenarios.Any(scenario => scenario.IsListing && scenario.Transport != Transport.Sftp))
                {
                    Workspace.PublishListing(server.RootDirectory, settings.ListEntries);
                }
            }

            (PowerShellHost? pwsh, string? pwshProblem) = settings.Tools.Any(tool => tool.StartsWith(CmdletTool.DefaultName, StringComparison.Ordinal))
                ? PowerShellHost.Find(settings.ModuleManifest)
                : (null, "not used");

            if (servers.TryGetValue(Transport.Sftp, out ServerEndpoint? sftpServer))
            {
                sftpServer.Ssh!.CurlHostKeySha256 = CurlSftpTool.FindHostKeyPin(sftpServer, workspace.Scratch);
            }

            Console.Out.WriteLine("FtpTools engine and cmdlets vs curl vs lftp (FTP: vsftpd) and vs OpenSSH sftp vs curl (SFTP: OpenSSH sshd), on loopback");
            foreach ((string name, string value) in MachineDescription.Collect())
            {
                Console.Out.WriteLine($"  {name,-10} {value}");
            }

            Console.Out.WriteLine($"  cpus used  {(settings.ServerCpus is null ? "as the scheduler places them" : $"servers pinned to CPU(s) {settings.ServerCpus}, tools on CPU(s) {CpuPinning.OwnCpus()}")}");
            Console.Out.WriteLine($"  data       {(inMemory ? "server roots and client files on /dev/shm (tmpfs): no disk I/O" : "on " + Path.GetTempPath() + ": disk I/O included")}");
            if (servers.TryGetValue(Transport.FtpTls, out ServerEndpoint? tlsServer))
            {
                Console.Out.WriteLine($"  tls curl   {TlsVersionProbe.Curl(tlsServer, workspace.Scratch)}");
                Console.Out.WriteLine($"  tls lftp   {TlsVersionProbe.Lftp(tlsServer, workspace.Scratch)}");
            }

            if (sftpServer is not null)
            {
                foreach ((string name, string value) in SshDescription.Collect(sftpServer, workspace.Scratch))
                {
                    Console.Out.WriteLine($"  {name,-10} {value}");
                }
            }

            if (pwsh is not null)
            {
                Console.Out.WriteLine($"  pwsh       PowerShell {pwsh.Version}: {pwsh.Program}");
                Console.Out.WriteLine($"  module     {pwsh.ModuleManifest}");
            }
            else if (pwshProblem != "not used")
            {
                Console.Out.WriteLine($"  pwsh       PROBLEM: {pwshProblem}");
            }

            if (relay is not null)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  latency    delay relay {relay.ListenAddress} -> {relay.TargetAddress}, {settings.DelayMs} ms each way (control ports and passive ranges); {Latency(servers.Values)}"));
            }

            Console.Out.WriteLine($"  sizes      large file {settings.SizeMiB} MiB (SHA-256 {workspace.LargeSha256[..16]}...), tree {settings.Files} x {settings.TreeFileKiB} KiB ({settings.TreeFileBytes} B), listing /{Workspace.ListingFolder} of {settings.ListEntries} empty files, {settings.Rounds} round(s), median shown");
            Console.Out.WriteLine();

            var tools = new ITransferTool[]
            {
                new CurlTool(workspace.Scratch),
                new LftpTool(workspace.Scratch),
                new LftpTool(workspace.Scratch, parallel: true),
                new OpenSshSftpTool(workspace.Scratch),
                new CurlSftpTool(workspace.Scratch),
                new EngineTool(workspace.Scratch, settings.Engine),
                new EngineTool(workspace.Scratch, settings.Engine, sshNetDirect: true),
                new CmdletTool(CmdletTool.DefaultName, workspace.Scratch, pwsh, pwshProblem),
                new CmdletTool(CmdletTool.ParallelName, workspace.Scratch, pwsh, pwshProblem),
                new CmdletTool(CmdletTool.ProgressName, workspace.Scratch, pwsh, pwshProblem),
            }.Where(tool => settings.Tools.Contains(tool.Name)).ToArray();
            var runner = new ScenarioRunner(workspace, treeFiles, relay, settings.ListEntries);
            var rounds = new Dictionary<(Scenario, string), List<RoundResult>>();
            for (int round = 1; round <= settings.Rounds; round++)
            {
                foreach (Scenario scenario in settings.Scenarios)
                {
                    foreach (ITransferTool tool in tools.Where(tool => tool.Handles(scenario)))
                    {
                        TransferPlan plan = runner.Plan(scenario, servers[scenario.Transport], tool.Name);
                        RoundResult result = runner.RunRound(tool, plan, hashLargeFile: round == 1);
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"round {round} {scenario.Name,-21} {tool.Name,-15} {result.Seconds,8:0.000} s  cpu {result.CpuSeconds,7:0.00} s  failures {result.Failures}{(result.Problem is null ? string.Empty : "  PROBLEM " + result.Problem)}"));
                        if (!rounds.TryGetValue((scenario, tool.Name), out List<RoundResult>? list))
                        {
                            rounds[(scenario, tool.Name)] = list = new List<RoundResult>();
                        }

                        list.Add(result);
                    }
                }
            }

            Dictionary<(Scenario, string), (RoundTrips? Counts, string? Problem)> counted = CountCmdletRoundTrips(settings, tools, runner, servers);
            var measurements = settings.Scenarios
                .SelectMany(scenario => tools.Where(tool => tool.Handles(scenario)).Select(tool =>
                    Summarize(scenario, tool.Name, rounds[(scenario, tool.Name)], counted.TryGetValue((scenario, tool.Name), out var count) ? count : null)))
                .ToArray();
            Measurement[] ftp = measurements.Where(measurement => !measurement.Scenario.IsSftp).ToArray();
            Measurement[] sftp = measurements.Where(measurement => measurement.Scenario.IsSftp).ToArray();
            if (ftp.Length > 0)
            {
                ResultTable.Print(Console.Out, ftp, settings.LargeBytes, settings.Files, settings.TreeFileBytes, settings.ListEntries, new[] { "curl" });
            }

            if (sftp.Length > 0)
            {
                if (ftp.Length > 0)
                {
                    Console.Out.WriteLine();
                }

                ResultTable.Print(Console.Out, sftp, settings.LargeBytes, settings.Files, settings.TreeFileBytes, settings.ListEntries, new[] { "sftp", "curl" });
            }

            if (relay is not null)
            {
                RelayCounts total = relay.Counts;
                Console.Out.WriteLine($"delay relay: {total.Control + total.Data} connections in all ({total.Control} control, {total.Data} data, {total.Failed} that could not reach the server)");
            }

            return measurements.All(measurement => measurement.Verified) ? 0 : 3;
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", previousTemp);
        }
    }

    /// <summary>
    /// The cmdlet's commands and data connections per file: one more, untimed run of each FTP tree scenario with its
    /// -Verbose trace counted (the engine's child counts its trace in every round at no cost).
    /// </summary>
    private static Dictionary<(Scenario, string), (RoundTrips? Counts, string? Problem)> CountCmdletRoundTrips(
        BenchmarkSettings settings, IEnumerable<ITransferTool> tools, ScenarioRunner runner, IReadOnlyDictionary<Transport, ServerEndpoint> servers)
    {
        var counted = new Dictionary<(Scenario, string), (RoundTrips? Counts, string? Problem)>();
        // The counts do not depend on latency; through the delay relay the extra run would only cost minutes.
        CmdletTool? cmdlet = settings.DelayMs > 0 ? null : tools.OfType<CmdletTool>().FirstOrDefault(tool => tool.Name == CmdletTool.DefaultName);
        foreach (Scenario scenario in settings.Scenarios.Where(scenario => cmdlet is not null && scenario.IsTree && !scenario.IsSftp))
        {
            Console.Error.WriteLine($"counting {scenario.Name} {cmdlet!.Name} commands (untimed run with -Verbose)");
            counted[(scenario, cmdlet.Name)] = runner.CountRoundTrips(cmdlet, runner.Plan(scenario, servers[scenario.Transport], cmdlet.Name));
        }

        return counted;
    }

    private static Measurement Summarize(Scenario scenario, string tool, IReadOnlyList<RoundResult> rounds, (RoundTrips? Counts, string? Problem)? counted)
    {
        string? problem = rounds.Select(round => round.Problem).LastOrDefault(text => text is not null);
        string? detail = rounds[^1].Detail;
        if (counted is { } count)
        {
            detail = (detail is null ? string.Empty : detail + "; ")
                + (count.Counts is null ? "commands not counted: " + count.Problem : "cmds/file and conns/file from an extra untimed run with -Verbose");
        }

        if (rounds.Count > 1)
        {
            detail = (detail is null ? string.Empty : detail + "; ")
                + "rounds " + string.Join(", ", rounds.Select(round => round.Seconds.ToString("0.000", CultureInfo.InvariantCulture))) + " s";
        }

        return new Measurement(scenario, tool, rounds.Select(round => round.Seconds).ToArray(), rounds.Max(round => round.PeakRssKiB),
            rounds.Select(round => round.CpuSeconds).ToArray(),
            rounds.Sum(round => round.Failures), rounds.All(round => round.Problem is null), problem, detail,
            counted?.Counts ?? rounds[^1].RoundTrips,
            scenario.IsTree ? null : rounds.Select(round => round.AloneSeconds).ToArray(),
            scenario.IsListing ? rounds.Select(round => round.SecondListingSeconds).ToArray() : null);
    }

    /// <summary>127.0.0.2 -> 127.0.0.1: every server's control port, and the passive ranges of the FTP servers.</summary>
    private static DelayRelay StartRelay(IReadOnlyCollection<LabServer> servers, int delayMs)
    {
        IPAddress target = IPAddress.Parse(servers.Select(server => server.Host).Distinct().Single());
        return DelayRelay.Start(RelayAddress, target, TimeSpan.FromMilliseconds(delayMs),
            servers.Select(server => server.Port).ToArray(),
            servers.Where(server => server.Ssh is null).SelectMany(server => Enumerable.Range(server.PassivePortMin, server.PassivePortMax - server.PassivePortMin + 1)));
    }

    /// <summary>The round trip measured through the relay (FTP NOOP), for the header.</summary>
    private static string Latency(IEnumerable<ServerEndpoint> servers)
    {
        ServerEndpoint? ftp = servers.FirstOrDefault(server => server.Ssh is null);
        if (ftp is null)
        {
            return "RTT not measured (no FTP server)";
        }

        (double noop, double greeting) = LatencyProbe.Ftp(ftp.Host, ftp.Port);
        return string.Create(CultureInfo.InvariantCulture, $"measured: NOOP round trip {noop:0.0} ms, connect to greeting {greeting:0.0} ms");
    }

    private static ServerEndpoint Endpoint(LabServer server, Transport transport, DelayRelay? relay) =>
        new(relay is null ? server.Host : relay.ListenAddress.ToString(), server.Port, server.User, server.Password, transport == Transport.FtpTls, server.CertificatePath, server.CertificateSha256, server.RootDirectory,
            server.Ssh is { } ssh
                ? new SshEndpoint(server.RemoteRootDirectory, ssh.ClientKeys.Single(key => key.Name == SshKeyName).Path, ssh.KnownHostsFile, ssh.HostKeys.Select(key => key.Fingerprint).ToArray())
                : null,
            relay is null ? null : server.Host,
            server.Kind == LabServerKind.Vsftpd ? server.LogFiles.FirstOrDefault(file => Path.GetFileName(file) == "vsftpd.log") : null);
}

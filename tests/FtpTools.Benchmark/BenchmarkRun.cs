using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FtpTools.Lab;

namespace FtpTools.Benchmark;

/// <summary>The whole comparison: lab start (on /dev/shm), data, every scenario x tool x round, the tables (FTP, SFTP).</summary>
internal static class BenchmarkRun
{
    private const string MemoryBackedTemp = "/dev/shm";
    private const string SshKeyName = "id_ed25519";

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
            Console.Error.WriteLine($"starting {string.Join(", ", serverNames)}; writing {settings.SizeMiB} MiB and {settings.Files} x 4 KiB to {Path.GetTempPath()}");
            using Lab.Lab lab = Lab.Lab.Start(serverNames);
            using Workspace workspace = Workspace.Create(settings.LargeBytes, treeFiles);
            Dictionary<Transport, ServerEndpoint> servers = transports.ToDictionary(transport => transport, transport => Endpoint(lab[ServerNames[transport]], transport));
            foreach (ServerEndpoint server in servers.Values)
            {
                workspace.PublishTo(server.RootDirectory, treeFiles);
            }

            if (servers.TryGetValue(Transport.Sftp, out ServerEndpoint? sftpServer))
            {
                sftpServer.Ssh!.CurlHostKeySha256 = CurlSftpTool.FindHostKeyPin(sftpServer, workspace.Scratch);
            }

            Console.Out.WriteLine("FtpTools engine vs curl vs lftp (FTP: vsftpd) and vs OpenSSH sftp vs curl (SFTP: OpenSSH sshd), on loopback");
            foreach ((string name, string value) in MachineDescription.Collect())
            {
                Console.Out.WriteLine($"  {name,-10} {value}");
            }

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

            Console.Out.WriteLine($"  sizes      large file {settings.SizeMiB} MiB (SHA-256 {workspace.LargeSha256[..16]}...), tree {settings.Files} x {TreeLayout.FileSize} B, {settings.Rounds} round(s), median shown");
            Console.Out.WriteLine();

            var tools = new ITransferTool[]
            {
                new CurlTool(workspace.Scratch),
                new LftpTool(workspace.Scratch),
                new OpenSshSftpTool(workspace.Scratch),
                new CurlSftpTool(workspace.Scratch),
                new EngineTool(workspace.Scratch, settings.Engine),
                new EngineTool(workspace.Scratch, settings.Engine, sshNetDirect: true),
            }.Where(tool => settings.Tools.Contains(tool.Name)).ToArray();
            var runner = new ScenarioRunner(workspace, treeFiles);
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
                            $"round {round} {scenario.Name,-21} {tool.Name,-6} {result.Seconds,8:0.000} s  cpu {result.CpuSeconds,7:0.00} s  failures {result.Failures}{(result.Problem is null ? string.Empty : "  PROBLEM " + result.Problem)}"));
                        if (!rounds.TryGetValue((scenario, tool.Name), out List<RoundResult>? list))
                        {
                            rounds[(scenario, tool.Name)] = list = new List<RoundResult>();
                        }

                        list.Add(result);
                    }
                }
            }

            var measurements = settings.Scenarios
                .SelectMany(scenario => tools.Where(tool => tool.Handles(scenario)).Select(tool => Summarize(scenario, tool.Name, rounds[(scenario, tool.Name)])))
                .ToArray();
            Measurement[] ftp = measurements.Where(measurement => !measurement.Scenario.IsSftp).ToArray();
            Measurement[] sftp = measurements.Where(measurement => measurement.Scenario.IsSftp).ToArray();
            if (ftp.Length > 0)
            {
                ResultTable.Print(Console.Out, ftp, settings.LargeBytes, settings.Files, new[] { "curl" });
            }

            if (sftp.Length > 0)
            {
                if (ftp.Length > 0)
                {
                    Console.Out.WriteLine();
                }

                ResultTable.Print(Console.Out, sftp, settings.LargeBytes, settings.Files, new[] { "sftp", "curl" });
            }

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
            rounds.Select(round => round.CpuSeconds).ToArray(),
            rounds.Sum(round => round.Failures), rounds.All(round => round.Problem is null), problem, detail);
    }

    private static ServerEndpoint Endpoint(LabServer server, Transport transport) =>
        new(server.Host, server.Port, server.User, server.Password, transport == Transport.FtpTls, server.CertificatePath, server.CertificateSha256, server.RootDirectory,
            server.Ssh is { } ssh
                ? new SshEndpoint(server.RemoteRootDirectory, ssh.ClientKeys.Single(key => key.Name == SshKeyName).Path, ssh.KnownHostsFile, ssh.HostKeys.Select(key => key.Fingerprint).ToArray())
                : null);
}

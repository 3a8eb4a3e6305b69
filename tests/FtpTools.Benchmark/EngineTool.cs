using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// The engine, in a child process (this program with --engine-only) measured like the other tools. As "sshnet" (the
/// experiment) the child drives SSH.NET's SftpClient directly, large SFTP files only.
/// </summary>
internal sealed class EngineTool : ITransferTool
{
    public const string EngineName = "engine";
    public const string SshNetName = "sshnet";

    private readonly string _scratchDirectory;
    private readonly EngineSettings _settings;
    private readonly bool _sshNetDirect;

    public EngineTool(string scratchDirectory, EngineSettings settings, bool sshNetDirect = false)
    {
        _scratchDirectory = scratchDirectory;
        _settings = settings;
        _sshNetDirect = sshNetDirect;
    }

    public string Name => _sshNetDirect ? SshNetName : EngineName;

    public bool Handles(Scenario scenario) => !_sshNetDirect || (scenario.IsSftp && !scenario.IsTree);

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles)
    {
        ServerEndpoint server = plan.Server;
        (string remote, string local) = plan.Ends();
        var arguments = new List<string>
        {
            "--engine-only", Scenario.KindName(plan.Scenario.Kind),
            "--host", server.Host, "--port", server.Port.ToString(CultureInfo.InvariantCulture),
            "--user", server.User, "--password", server.Password,
            "--remote", remote, "--local", local,
            "--transfer-buffer-kib", _settings.TransferBufferKiB.ToString(CultureInfo.InvariantCulture),
            "--file-buffer-kib", _settings.FileBufferKiB.ToString(CultureInfo.InvariantCulture),
        };
        if (server.Tls)
        {
            arguments.AddRange(new[] { "--tls", "--pin", server.CertificateSha256 });
        }

        if (server.Ssh is { } ssh)
        {
            arguments.AddRange(new[] { "--sftp", "--key", ssh.PrivateKeyPath, "--host-keys", string.Join(',', ssh.HostKeyFingerprints) });
        }

        if (_sshNetDirect)
        {
            arguments.AddRange(new[] { "--sshnet", "--sshnet-buffer-kib", _settings.SshNetBufferKiB.ToString(CultureInfo.InvariantCulture) });
            if (_settings.SshNetCipher is { } cipher)
            {
                arguments.AddRange(new[] { "--sshnet-cipher", cipher });
            }
        }

        string? listFile = null;
        if (plan.Scenario.IsTree)
        {
            listFile = Path.Combine(_scratchDirectory, "engine-" + Guid.NewGuid().ToString("N") + ".list");
            File.WriteAllLines(listFile, treeFiles);
            arguments.AddRange(new[] { "--tree-list", listFile });
        }

        (string program, IEnumerable<string> prefix) = SelfCommand();
        MeasuredProcess run = MeasuredProcess.Run(program, prefix.Concat(arguments), _scratchDirectory);
        if (listFile is not null)
        {
            File.Delete(listFile);
        }

        string? result = run.StandardOutput.Split('\n').FirstOrDefault(line => line.StartsWith(EngineChild.ResultPrefix, StringComparison.Ordinal));
        if (run.ExitCode != 0 || result is null)
        {
            return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode == 0 ? 1 : run.ExitCode, 1, (run.StandardError + run.StandardOutput).Trim(), null);
        }

        Dictionary<string, string> fields = result[EngineChild.ResultPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        double seconds = double.Parse(fields["seconds"], CultureInfo.InvariantCulture);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"{(server.Ssh is null ? "tls" : "cipher,mac,kex")}={fields["security"].Replace('_', ' ')}; process wall {run.Seconds:0.00} s (cpu {run.CpuSeconds:0.00} s) incl. .NET start-up; VmHWM {long.Parse(fields["vmhwm-kib"], CultureInfo.InvariantCulture) / 1024} MiB; allocated {long.Parse(fields["allocated-kib"], CultureInfo.InvariantCulture) / 1024} MiB");
        double aloneSeconds = -1;
        if (fields.TryGetValue("transfer-seconds", out string? transferAlone))
        {
            aloneSeconds = double.Parse(transferAlone, CultureInfo.InvariantCulture);
            detail = "seconds = Connect to Disconnect; " + detail;
        }

        int commands = fields.TryGetValue("commands", out string? sent) ? int.Parse(sent, CultureInfo.InvariantCulture) : -1;
        RoundTrips? roundTrips = plan.Scenario.IsTree && commands >= 0
            ? new RoundTrips(commands, int.Parse(fields["dataconns"], CultureInfo.InvariantCulture), treeFiles.Count)
            : null;
        int entries = -1;
        if (plan.Scenario.IsListing)
        {
            // The table shows the listing alone, as for Get-FtpChildItem; Connect..Disconnect goes to the notes.
            entries = int.Parse(fields["entries"], CultureInfo.InvariantCulture);
            detail = string.Create(CultureInfo.InvariantCulture,
                $"seconds = {fields["listing-command"]} alone (CPU {double.Parse(fields["listing-cpu-seconds"], CultureInfo.InvariantCulture):0.000} s, of which JIT {double.Parse(fields["listing-jit-seconds"], CultureInfo.InvariantCulture):0.000} s for {fields["listing-jit-methods"]} methods); connect to disconnect {seconds:0.000} s; unparsed {fields["unparsed"]}, refused {fields["refused"]}; ") + detail;
            seconds = double.Parse(fields["listing-seconds"], CultureInfo.InvariantCulture);
        }

        return new ToolAttempt(seconds, run.PeakRssKiB, run.CpuSeconds, 0, int.Parse(fields["failures"], CultureInfo.InvariantCulture), run.StandardError.Trim(), detail, roundTrips, Entries: entries, AloneSeconds: plan.Scenario.IsListing ? seconds : aloneSeconds,
            SecondListingSeconds: plan.Scenario.IsListing ? double.Parse(fields["listing-second-seconds"], CultureInfo.InvariantCulture) : -1);
    }

    /// <summary>The apphost `dotnet run` built, or `dotnet FtpTools.Benchmark.dll` when started through the muxer.</summary>
    private static (string Program, IEnumerable<string> Prefix) SelfCommand()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, new[] { typeof(EngineTool).Assembly.Location })
            : (process, Array.Empty<string>());
    }
}

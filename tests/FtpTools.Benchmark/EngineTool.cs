using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>The engine, in a child process (this program with --engine-only) measured like the other tools.</summary>
internal sealed class EngineTool : ITransferTool
{
    private readonly string _scratchDirectory;
    private readonly EngineSettings _settings;

    public EngineTool(string scratchDirectory, EngineSettings settings)
    {
        _scratchDirectory = scratchDirectory;
        _settings = settings;
    }

    public string Name => "engine";

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles)
    {
        ServerEndpoint server = plan.Server;
        (string remote, string local) = plan.Scenario.Kind switch
        {
            TransferKind.LargeDownload => (plan.RemoteLargeSource, plan.LocalLargeTarget),
            TransferKind.LargeUpload => (plan.RemoteLargeTarget, plan.LocalLargeSource),
            TransferKind.TreeDownload => (plan.RemoteTreeSource, plan.LocalTreeTarget),
            TransferKind.TreeUpload => (plan.RemoteTreeTarget, plan.LocalTreeSource),
            _ => throw new ArgumentOutOfRangeException(nameof(plan)),
        };
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
            return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.ExitCode == 0 ? 1 : run.ExitCode, 1, (run.StandardError + run.StandardOutput).Trim(), null);
        }

        Dictionary<string, string> fields = result[EngineChild.ResultPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        double seconds = double.Parse(fields["seconds"], CultureInfo.InvariantCulture);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"tls={fields["tls"]}; process wall {run.Seconds:0.00} s incl. .NET start-up; VmHWM {long.Parse(fields["vmhwm-kib"], CultureInfo.InvariantCulture) / 1024} MiB; allocated {long.Parse(fields["allocated-kib"], CultureInfo.InvariantCulture) / 1024} MiB");
        return new ToolAttempt(seconds, run.PeakRssKiB, 0, int.Parse(fields["failures"], CultureInfo.InvariantCulture), run.StandardError.Trim(), detail);
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

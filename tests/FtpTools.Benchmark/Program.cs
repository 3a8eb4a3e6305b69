using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
///   FtpTools.Benchmark [--size-mib 1024] [--files 2000] [--tree-file-kib 4] [--rounds 1] [--scenarios KIND[,KIND]]
///                      [--transports plain,tls,sftp] [--delay-ms N] [--module PATH.psd1]
///                      [--tools curl,lftp,lftp-p8,sftp,engine,cmdlet,cmdlet-p8,cmdlet-progress[,sshnet]]
///                      [--transfer-buffer-kib N] [--file-buffer-kib N] [--sshnet-buffer-kib N] [--sshnet-cipher NAME]
///                      [--list-entries 10000] [--server-cpus LIST]
///   FtpTools.Benchmark --engine-only KIND ...   (internal: the engine's side of one run, in its own process)
/// KIND: large-download, large-upload, tree-upload, tree-download (each runs on every transport chosen), listing (plain and tls).
/// </summary>
public static class Program
{
    private static readonly string[] DefaultTools = { "curl", LftpTool.DefaultName, "sftp", EngineTool.EngineName, CmdletTool.DefaultName };
    private static readonly string[] AllTools = DefaultTools
        .Concat(new[] { LftpTool.ParallelName, CmdletTool.ParallelName, CmdletTool.ProgressName, EngineTool.SshNetName }).ToArray();

    public static int Main(string[] args)
    {
        try
        {
            var arguments = new ArgumentReader(args, EngineChild.Flags);
            return arguments.Has("--engine-only") ? EngineChild.Run(arguments) : BenchmarkRun.Run(Settings(arguments));
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine("error: " + exception.Message);
            return 2;
        }
    }

    private static BenchmarkSettings Settings(ArgumentReader arguments)
    {
        IEnumerable<TransferKind> kinds = arguments.OptionalText("--scenarios") is { } names
            ? List(names).Select(Scenario.ParseKind)
            : Enum.GetValues<TransferKind>();
        Transport[] transports = arguments.OptionalText("--transports") is { } transportNames
            ? List(transportNames).Select(Scenario.ParseTransport).ToArray()
            : Enum.GetValues<Transport>();
        // The listing is an FTP scenario (curl's LIST, lftp's cls, Get-FtpChildItem over vsftpd); SFTP has no listing tools here.
        Scenario[] scenarios = kinds.SelectMany(kind => transports.Select(transport => new Scenario(kind, transport)))
            .Where(scenario => !(scenario.IsListing && scenario.IsSftp)).ToArray();
        if (scenarios.Length == 0)
        {
            throw new ArgumentException("no scenario left: the listing runs on plain and tls only");
        }

        string[] tools = arguments.OptionalText("--tools") is { } list ? List(list) : DefaultTools;
        string? unknown = tools.FirstOrDefault(tool => !AllTools.Contains(tool));
        if (unknown is not null)
        {
            throw new ArgumentException("unknown tool '" + unknown + "' (" + string.Join(", ", AllTools) + ")");
        }

        return new BenchmarkSettings(
            arguments.Integer("--size-mib", 1024),
            arguments.Integer("--files", 2000),
            arguments.Integer("--tree-file-kib", TreeLayout.DefaultFileKiB),
            arguments.Integer("--rounds", 1),
            scenarios,
            tools,
            new EngineSettings(arguments.Integer("--transfer-buffer-kib", 0), arguments.Integer("--file-buffer-kib", 0),
                arguments.Integer("--sshnet-buffer-kib", 0), arguments.OptionalText("--sshnet-cipher")),
            arguments.Integer("--delay-ms", 0),
            arguments.OptionalText("--module"),
            arguments.Integer("--list-entries", 10000),
            arguments.OptionalText("--server-cpus"));
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

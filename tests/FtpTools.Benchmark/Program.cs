using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
///   FtpTools.Benchmark [--size-mib 1024] [--files 2000] [--rounds 1] [--scenarios KIND[,KIND]] [--tools curl,lftp,engine]
///                      [--transfer-buffer-kib N] [--file-buffer-kib N]
///   FtpTools.Benchmark --engine-only KIND ...   (internal: the engine's side of one run, in its own process)
/// KIND: large-download, large-upload, tree-upload, tree-download (each runs plain and TLS).
/// </summary>
public static class Program
{
    private static readonly string[] AllTools = { "curl", "lftp", "engine" };

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
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Scenario.ParseKind)
            : Enum.GetValues<TransferKind>();
        Scenario[] scenarios = kinds.SelectMany(kind => new[] { new Scenario(kind, Tls: false), new Scenario(kind, Tls: true) }).ToArray();
        string[] tools = arguments.OptionalText("--tools") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : AllTools;
        string? unknown = tools.FirstOrDefault(tool => !AllTools.Contains(tool));
        if (unknown is not null)
        {
            throw new ArgumentException("unknown tool '" + unknown + "'");
        }

        return new BenchmarkSettings(
            arguments.Integer("--size-mib", 1024),
            arguments.Integer("--files", 2000),
            arguments.Integer("--rounds", 1),
            scenarios,
            tools,
            new EngineSettings(arguments.Integer("--transfer-buffer-kib", 0), arguments.Integer("--file-buffer-kib", 0)));
    }

}

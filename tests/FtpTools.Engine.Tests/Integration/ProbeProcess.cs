using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>
/// Runs FtpTools.NetnsProbe, the engine in a process of its own: inside a network namespace (NAT and firewall tests)
/// or with an environment of its own (a trust store that holds only the lab's certificate).
/// </summary>
internal static class ProbeProcess
{
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tests", "lab", "netns.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("tests/lab/netns.sh not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Next to the test assembly if someone put it there; otherwise in the probe project's output folder for the same
    /// configuration and framework as this assembly (bin/Debug/net10.0 here means bin/Debug/net10.0 there).
    /// </summary>
    public static string FindProbe(string repository)
    {
        const string probeName = "FtpTools.NetnsProbe";
        string beside = Path.Combine(AppContext.BaseDirectory, probeName + ".dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        string testProject = Path.Combine(repository, "tests", typeof(ProbeProcess).Assembly.GetName().Name!);
        string outputFolder = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        string built = Path.GetFullPath(Path.Combine(repository, "tests", probeName, outputFolder, probeName + ".dll"));
        return File.Exists(built)
            ? built
            : throw new FileNotFoundException($"{probeName}.dll not found beside the tests or at {built}; build {probeName} (the test project references it)");
    }

    /// <summary>The dotnet that runs these tests (the CLI passes it on as DOTNET_HOST_PATH).</summary>
    public static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>The probe's JSON line, or an exception with everything it printed when it did not produce one.</summary>
    public static ProbeResult ParseResult(int exitCode, string output, string errors, TimeSpan wallTime)
    {
        string? line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exitCode != 0 || line is null || !line.StartsWith('{'))
        {
            throw new InvalidOperationException($"the probe failed (exit {exitCode}): {output}{errors}");
        }

        return ProbeResult.Parse(line, wallTime);
    }

    public static (int ExitCode, string Output, string Errors) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = FtpTools.Lab.ExternalProcess.Run(fileName, arguments, timeout, environment: environment);
        return (result.ExitCode, result.Output, result.Errors);
    }
}

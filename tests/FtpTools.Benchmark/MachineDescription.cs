using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace FtpTools.Benchmark;

/// <summary>Where and with what the numbers were taken.</summary>
internal static class MachineDescription
{
    public static IReadOnlyList<(string Name, string Value)> Collect() => new[]
    {
        ("date", DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)),
        ("cpus", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
        ("cpu model", ProcValue("/proc/cpuinfo", "model name") ?? "unknown"),
        ("memory", ProcValue("/proc/meminfo", "MemTotal") ?? "unknown"),
        ("os", OsName()),
        ("kernel", ReadFirstLine("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription),
        (".NET", RuntimeInformation.FrameworkDescription),
        ("curl", FirstOutputLine(CurlTool.Program, "--version")),
        ("lftp", FirstOutputLine(LftpTool.Program, "--version")),
        ("vsftpd", "3.0.3 (Debian 12)"),
    };

    public static string FirstOutputLine(string program, params string[] arguments) =>
        OutputLines(program, arguments).FirstOrDefault() ?? string.Empty;

    /// <summary>The program's non-empty output lines (stdout, then stderr), trimmed; one line saying why when it cannot start.</summary>
    public static string[] OutputLines(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new[] { "not available (" + exception.Message + ")" };
        }
    }

    private static string? ProcValue(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(line => line.StartsWith(key, StringComparison.Ordinal)).Select(line => line[(line.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(line => line["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault() ?? "unknown"
            : RuntimeInformation.OSDescription;

    private static string? ReadFirstLine(string file) => File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
}

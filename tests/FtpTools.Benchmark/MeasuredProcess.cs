using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FtpTools.Benchmark;

/// <summary>Result of a child process run under GNU time: wall seconds, peak RSS, CPU seconds (user + system), exit code and output.</summary>
internal sealed record MeasuredProcess(double Seconds, long PeakRssKiB, double CpuSeconds, int ExitCode, string StandardOutput, string StandardError)
{
    private const string GnuTime = "/usr/bin/time";
    private const string PeakRssLabel = "Maximum resident set size (kbytes):";
    private const string UserTimeLabel = "User time (seconds):";
    private const string SystemTimeLabel = "System time (seconds):";

    public static bool IsAvailable => File.Exists(GnuTime);

    /// <summary>Runs program under `time -v` (its report goes to a file so the program's stderr stays clean).</summary>
    public static MeasuredProcess Run(string program, IEnumerable<string> arguments, string scratchDirectory)
    {
        string report = Path.Combine(scratchDirectory, "time-" + Guid.NewGuid().ToString("N") + ".txt");
        var start = new ProcessStartInfo(GnuTime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-v", "-o", report, program }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        string reportText = File.Exists(report) ? File.ReadAllText(report) : string.Empty;
        File.Delete(report);
        double cpu = ReportValue(reportText, UserTimeLabel) + ReportValue(reportText, SystemTimeLabel);
        return new MeasuredProcess(seconds, (long)ReportValue(reportText, PeakRssLabel), cpu, process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A number from GNU time's report; -1 when the line is missing.</summary>
    private static double ReportValue(string report, string label)
    {
        string? line = report.Split('\n').Select(text => text.Trim()).FirstOrDefault(text => text.StartsWith(label, StringComparison.Ordinal));
        return line is null ? -1 : double.Parse(line[label.Length..].Trim(), CultureInfo.InvariantCulture);
    }
}

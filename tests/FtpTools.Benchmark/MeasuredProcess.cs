using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FtpTools.Benchmark;

/// <summary>Result of a child process run under GNU time: wall seconds, peak RSS, exit code and output.</summary>
internal sealed record MeasuredProcess(double Seconds, long PeakRssKiB, int ExitCode, string StandardOutput, string StandardError)
{
    private const string GnuTime = "/usr/bin/time";
    private const string PeakRssLabel = "Maximum resident set size (kbytes):";

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
        return new MeasuredProcess(seconds, ParsePeakRss(reportText), process.ExitCode, output.Result, error.Result);
    }

    private static long ParsePeakRss(string report)
    {
        string? line = report.Split('\n').Select(text => text.Trim()).FirstOrDefault(text => text.StartsWith(PeakRssLabel, StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line[PeakRssLabel.Length..].Trim(), CultureInfo.InvariantCulture);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// The side-by-side table. Each reference tool gets a ratio column: reference seconds / tool seconds, so > 1 is faster
/// than the reference (FTP: curl; SFTP: OpenSSH's sftp and curl). cpu s: user + system seconds of the tool's process.
/// </summary>
internal static class ResultTable
{
    public static void Print(TextWriter output, IReadOnlyList<Measurement> measurements, long largeBytes, int treeFiles, IReadOnlyList<string> references)
    {
        string ratioHeaders = string.Concat(references.Select(reference => string.Format(CultureInfo.InvariantCulture, " {0,8}", "vs " + reference)));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,-7} {2,9} {3,15}", "scenario", "tool", "seconds", "rate")
            + ratioHeaders + string.Format(CultureInfo.InvariantCulture, " {0,7} {1,10} {2,9} {3,-8}", "cpu s", "peak RSS", "failures", "verified"));
        output.WriteLine(new string('-', 104 + 9 * references.Count - 9));
        foreach (IGrouping<Scenario, Measurement> scenario in measurements.GroupBy(measurement => measurement.Scenario))
        {
            double?[] referenceSeconds = references
                .Select(reference => scenario.FirstOrDefault(measurement => measurement.Tool == reference && measurement.Verified)?.MedianSeconds)
                .ToArray();
            foreach (Measurement measurement in scenario)
            {
                double seconds = measurement.MedianSeconds;
                string rate = scenario.Key.IsTree
                    ? (treeFiles / seconds).ToString("0.0", CultureInfo.InvariantCulture) + " files/s"
                    : (largeBytes / 1048576.0 / seconds).ToString("0.0", CultureInfo.InvariantCulture) + " MiB/s";
                string ratios = string.Concat(referenceSeconds.Select(reference => string.Format(CultureInfo.InvariantCulture, " {0,8}",
                    reference is { } value && measurement.Verified ? (value / seconds).ToString("0.00", CultureInfo.InvariantCulture) : "n/a")));
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,-7} {2,9} {3,15}",
                        scenario.Key.Name, measurement.Tool, seconds.ToString("0.000", CultureInfo.InvariantCulture), rate)
                    + ratios
                    + string.Format(CultureInfo.InvariantCulture, " {0,7} {1,10} {2,9} {3,-8}",
                        measurement.MedianCpuSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                        (measurement.PeakRssKiB / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
                        measurement.Failures, measurement.Verified ? "yes" : "NO"));
            }
        }

        output.WriteLine();
        foreach (Measurement measurement in measurements.Where(measurement => measurement.Problem is not null || measurement.Detail is not null))
        {
            output.WriteLine($"{measurement.Scenario.Name} {measurement.Tool}: {measurement.Detail}{(measurement.Problem is null ? string.Empty : " PROBLEM: " + measurement.Problem)}");
        }
    }
}

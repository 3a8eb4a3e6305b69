using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>The side-by-side table; curl is the reference (ratio = curl seconds / tool seconds, so > 1 is faster than curl).</summary>
internal static class ResultTable
{
    public static void Print(TextWriter output, IReadOnlyList<Measurement> measurements, long largeBytes, int treeFiles)
    {
        const string Format = "{0,-22} {1,-7} {2,9} {3,15} {4,8} {5,10} {6,9} {7,-8}";
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, "scenario", "tool", "seconds", "rate", "vs curl", "peak RSS", "failures", "verified"));
        output.WriteLine(new string('-', 95));
        foreach (IGrouping<Scenario, Measurement> scenario in measurements.GroupBy(measurement => measurement.Scenario))
        {
            double? curl = scenario.FirstOrDefault(measurement => measurement.Tool == "curl" && measurement.Verified)?.MedianSeconds;
            foreach (Measurement measurement in scenario)
            {
                double seconds = measurement.MedianSeconds;
                string rate = scenario.Key.IsTree
                    ? (treeFiles / seconds).ToString("0.0", CultureInfo.InvariantCulture) + " files/s"
                    : (largeBytes / 1048576.0 / seconds).ToString("0.0", CultureInfo.InvariantCulture) + " MiB/s";
                string ratio = curl is { } reference ? (reference / seconds).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format,
                    scenario.Key.Name, measurement.Tool, seconds.ToString("0.000", CultureInfo.InvariantCulture), rate, ratio,
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

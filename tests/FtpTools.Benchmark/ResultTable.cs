using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// The side-by-side table. Each reference tool gets a ratio column: reference seconds / tool seconds, so > 1 is faster
/// than the reference (FTP: curl; SFTP: OpenSSH's sftp and curl). cpu s: user + system seconds of the tool's process.
/// Trees also get "cmds/file" and "conns/file": control commands and data connections per file from the tool's own
/// trace (engine and cmdlet on FTP; "-" where there is none).
/// </summary>
internal static class ResultTable
{
    public static void Print(TextWriter output, IReadOnlyList<Measurement> measurements, long largeBytes, int treeFiles, int treeFileBytes, int listEntries, IReadOnlyList<string> references)
    {
        bool trees = measurements.Any(measurement => measurement.Scenario.IsTree);
        string ratioHeaders = string.Concat(references.Select(reference => string.Format(CultureInfo.InvariantCulture, " {0,8}", "vs " + reference)));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,-15} {2,9} {3,15}", "scenario", "tool", "seconds", "rate")
            + ratioHeaders + string.Format(CultureInfo.InvariantCulture, " {0,7} {1,10} {2,9} {3,-8}", "cpu s", "peak RSS", "failures", "verified")
            + (trees ? string.Format(CultureInfo.InvariantCulture, " {0,9} {1,10}", "cmds/file", "conns/file") : string.Empty));
        output.WriteLine(new string('-', 112 + 9 * references.Count - 9 + (trees ? 21 : 0)));
        foreach (IGrouping<Scenario, Measurement> scenario in measurements.GroupBy(measurement => measurement.Scenario))
        {
            double?[] referenceSeconds = references
                .Select(reference => scenario.FirstOrDefault(measurement => measurement.Tool == reference && measurement.Verified)?.MedianSeconds)
                .ToArray();
            foreach (Measurement measurement in scenario)
            {
                double seconds = measurement.MedianSeconds;
                // Trees of files of 1 MiB and more are about bandwidth, small-file trees about files per second.
                string rate = scenario.Key.IsListing
                    ? (listEntries / seconds).ToString("0", CultureInfo.InvariantCulture) + " entries/s"
                    : scenario.Key.IsTree && treeFileBytes < 1048576
                    ? (treeFiles / seconds).ToString("0.0", CultureInfo.InvariantCulture) + " files/s"
                    : ((scenario.Key.IsTree ? (long)treeFiles * treeFileBytes : largeBytes) / 1048576.0 / seconds).ToString("0.0", CultureInfo.InvariantCulture) + " MiB/s";
                string ratios = string.Concat(referenceSeconds.Select(reference => string.Format(CultureInfo.InvariantCulture, " {0,8}",
                    reference is { } value && measurement.Verified ? (value / seconds).ToString("0.00", CultureInfo.InvariantCulture) : "n/a")));
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,-15} {2,9} {3,15}",
                        scenario.Key.Name, measurement.Tool, seconds.ToString("0.000", CultureInfo.InvariantCulture), rate)
                    + ratios
                    + string.Format(CultureInfo.InvariantCulture, " {0,7} {1,10} {2,9} {3,-8}",
                        measurement.MedianCpuSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                        (measurement.PeakRssKiB / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
                        measurement.Failures, measurement.Verified ? "yes" : "NO")
                    + (trees ? string.Format(CultureInfo.InvariantCulture, " {0,9} {1,10}",
                        measurement.RoundTrips?.CommandsPerFile ?? "-", measurement.RoundTrips?.DataConnectionsPerFile ?? "-") : string.Empty));
            }
        }

        output.WriteLine();
        foreach (IGrouping<Scenario, Measurement> listing in measurements.Where(measurement => measurement.Scenario.IsListing).GroupBy(measurement => measurement.Scenario))
        {
            output.WriteLine(ListingAlone(listing.Key, listing.ToArray()));
        }

        foreach (IGrouping<Scenario, Measurement> large in measurements.Where(measurement => measurement.Scenario.IsLarge).GroupBy(measurement => measurement.Scenario))
        {
            if (TransferAlone(large.Key, large.ToArray()) is { } line)
            {
                output.WriteLine(line);
            }
        }

        foreach (Measurement measurement in measurements.Where(measurement => measurement.Problem is not null || measurement.Detail is not null))
        {
            output.WriteLine($"{measurement.Scenario.Name} {measurement.Tool}: {measurement.Detail}{(measurement.Problem is null ? string.Empty : " PROBLEM: " + measurement.Problem)}");
        }
    }

    /// <summary>
    /// The listing alone, median: curl's LIST by its own -w timing, engine and cmdlet as in the table, each with its ratio to
    /// curl's (curl seconds / tool seconds). The table's "vs curl" compares with curl's whole process (connect and login included).
    /// </summary>
    private static string ListingAlone(Scenario scenario, IReadOnlyList<Measurement> measurements)
    {
        double? curl = measurements.FirstOrDefault(measurement => measurement.Tool == "curl" && measurement.Verified)?.MedianAloneSeconds;
        IEnumerable<string> parts = measurements.Where(measurement => measurement.Verified && measurement.MedianAloneSeconds is not null).Select(measurement =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1:0.000} s{2}{3}", measurement.Tool, measurement.MedianAloneSeconds,
                Versus(curl, measurement, measurement.MedianAloneSeconds!.Value),
                measurement.MedianSecondListingSeconds is { } second
                    ? string.Format(CultureInfo.InvariantCulture, ", second listing {0:0.000} s{1}", second, Versus(curl, measurement, second))
                    : string.Empty));
        return scenario.Name + ": listing alone, median (curl: time_total - time_pretransfer; second listing: the same folder again in the same session): " + string.Join(", ", parts);
    }

    /// <summary>
    /// The large file's transfer alone, median, where the tool reports it (the engine's Download/Upload call, the cmdlet):
    /// the cmdlets' goal is "within 10 % of the engine", and the table's engine figure also holds Connect and vsftpd's login.
    /// </summary>
    private static string? TransferAlone(Scenario scenario, IReadOnlyList<Measurement> measurements)
    {
        Measurement[] timed = measurements.Where(measurement => measurement.Verified && measurement.MedianAloneSeconds is not null).ToArray();
        if (timed.Length == 0)
        {
            return null;
        }

        double? engine = timed.FirstOrDefault(measurement => measurement.Tool == EngineTool.EngineName)?.MedianAloneSeconds;
        IEnumerable<string> parts = timed.Select(measurement => string.Format(CultureInfo.InvariantCulture, "{0} {1:0.000} s{2}", measurement.Tool, measurement.MedianAloneSeconds,
            engine is { } reference && measurement.Tool != EngineTool.EngineName ? string.Format(CultureInfo.InvariantCulture, " ({0:0.00}x the engine)", measurement.MedianAloneSeconds!.Value / reference) : string.Empty));
        return scenario.Name + ": the transfer alone, without connect and login, median: " + string.Join(", ", parts);
    }

    private static string Versus(double? curl, Measurement measurement, double seconds) =>
        curl is { } reference && measurement.Tool != "curl" ? string.Format(CultureInfo.InvariantCulture, " ({0:0.00} vs curl)", reference / seconds) : string.Empty;
}

using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// All rounds of one tool in one scenario. Seconds per round: the successful attempt for the large file; for a tree the
/// sum of all attempts (a retry only re-sends the files that are still wrong).
/// </summary>
internal sealed record Measurement(
    Scenario Scenario,
    string Tool,
    IReadOnlyList<double> Seconds,
    long PeakRssKiB,
    IReadOnlyList<double> CpuSeconds,
    int Failures,
    bool Verified,
    string? Problem,
    string? Detail,
    RoundTrips? RoundTrips = null,
    IReadOnlyList<double>? AloneSeconds = null,
    IReadOnlyList<double>? SecondListingSeconds = null)
{
    /// <summary>The listing or the large file's transfer alone (median over rounds), where the tool reports it; null otherwise.</summary>
    public double? MedianAloneSeconds => AloneSeconds is { Count: > 0 } values && values.All(value => value >= 0) ? Median(values) : null;

    /// <summary>The second listing in the same session (median over rounds): engine and cmdlet; null otherwise.</summary>
    public double? MedianSecondListingSeconds => SecondListingSeconds is { Count: > 0 } values && values.All(value => value >= 0) ? Median(values) : null;

    public double MedianSeconds => Median(Seconds);

    public double MedianCpuSeconds => Median(CpuSeconds);

    private static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

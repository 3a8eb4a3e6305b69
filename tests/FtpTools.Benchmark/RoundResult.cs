namespace FtpTools.Benchmark;

internal sealed record RoundResult(double Seconds, long PeakRssKiB, double CpuSeconds, int Failures, string? Problem, string? Detail, RoundTrips? RoundTrips = null, double AloneSeconds = -1, double SecondListingSeconds = -1);

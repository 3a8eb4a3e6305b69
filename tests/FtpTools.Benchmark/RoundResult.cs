namespace FtpTools.Benchmark;

internal sealed record RoundResult(double Seconds, long PeakRssKiB, int Failures, string? Problem, string? Detail);

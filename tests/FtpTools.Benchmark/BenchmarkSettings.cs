using System.Collections.Generic;

namespace FtpTools.Benchmark;

internal sealed record BenchmarkSettings(
    int SizeMiB,
    int Files,
    int TreeFileKiB,
    int Rounds,
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<string> Tools,
    EngineSettings Engine,
    int DelayMs,
    string? ModuleManifest,
    int ListEntries,
    string? ServerCpus)
{
    public const int MaxAttempts = 3;

    public long LargeBytes => SizeMiB * 1024L * 1024L;

    public int TreeFileBytes => TreeFileKiB * 1024;
}

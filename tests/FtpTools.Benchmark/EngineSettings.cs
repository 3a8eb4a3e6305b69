namespace FtpTools.Benchmark;

/// <summary>
/// Knobs passed to the engine's child process, to measure what buffer sizes do without changing the engine.
/// 0 means the default (FtpClientOptions.TransferBufferSize; FileStream without its own buffer).
/// </summary>
internal sealed record EngineSettings(int TransferBufferKiB, int FileBufferKiB);

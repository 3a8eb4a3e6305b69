namespace FtpTools.Benchmark;

/// <summary>
/// Knobs passed to the engine's child process, to measure what buffer sizes do without changing the engine.
/// 0 means the default (FtpClientOptions.TransferBufferSize; FileStream without its own buffer). The SshNet ones apply
/// to the "sshnet" experiment only (SSH.NET driven directly): SftpClient.BufferSize (0 = SSH.NET's 32 KiB) and the
/// one cipher offered (null = SSH.NET's list).
/// </summary>
internal sealed record EngineSettings(int TransferBufferKiB, int FileBufferKiB, int SshNetBufferKiB = 0, string? SshNetCipher = null);

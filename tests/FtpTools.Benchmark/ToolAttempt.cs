namespace FtpTools.Benchmark;

/// <summary>
/// One run of one tool. Seconds: the process's wall time (curl, lftp) or Connect..Disconnect inside the engine's child
/// process. CpuSeconds: user + system time of the whole process (for the engine with .NET start-up). FailedTransfers: what the tool itself reported as failed (the result is verified separately).
/// Retryable: false when another attempt cannot succeed (the tool was called with an argument it does not have).
/// RoundTrips: commands and data connections the tool's trace showed (engine and cmdlet on FTP), else null.
/// Entries: for a listing, how many entries the tool reported (-1: none reported). AloneSeconds: the listing or the large
/// file's transfer alone, without connect and login (listing: curl's own time_total - time_pretransfer, engine and cmdlet
/// the same as Seconds; large file: the engine's Download/Upload call, the cmdlet's Seconds), -1 where not known.
/// SecondListingSeconds: engine and cmdlet list the folder again in the same session, untimed in Seconds: the first listing
/// in a process pays for compiling the code it runs, the second shows the steady state; -1 for the other tools.
/// </summary>
internal sealed record ToolAttempt(
    double Seconds,
    long PeakRssKiB,
    double CpuSeconds,
    int ExitCode,
    int FailedTransfers,
    string Errors,
    string? Detail,
    RoundTrips? RoundTrips = null,
    bool Retryable = true,
    int Entries = -1,
    double AloneSeconds = -1,
    double SecondListingSeconds = -1);

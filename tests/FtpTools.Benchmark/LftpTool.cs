using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// lftp -c with get/put for the large file, mirror / mirror -R for the tree (which lists the folders itself) and cls -l for
/// the listing. As "lftp-p8": mirror -P8 / mirror -R -P8 (8 files at a time, each on a connection of its own), trees only.
/// </summary>
internal sealed class LftpTool : ITransferTool
{
    public const string Program = "/usr/bin/lftp";

    public const string DefaultName = "lftp";
    public const string ParallelName = "lftp-p8";
    private const int Parallel = 8;

    private readonly string _scratchDirectory;

    public LftpTool(string scratchDirectory, bool parallel = false)
    {
        _scratchDirectory = scratchDirectory;
        Name = parallel ? ParallelName : DefaultName;
    }

    public string Name { get; }

    /// <summary>
    /// Settings and open; net:max-retries 1 makes lftp report a failure instead of silently retrying it. Through the
    /// delay relay: EPSV, so data connections go to the control connection's address (the relay), and no host name
    /// check (the certificate names 127.0.0.1; it is still checked against the lab's CA file).
    /// </summary>
    public static string Session(ServerEndpoint server)
    {
        string tls = server.Tls
            ? $"set ssl:ca-file {server.CertificatePath}; set ftp:ssl-force yes; set ftp:ssl-protect-data yes; "
            : "set ftp:ssl-allow no; ";
        string relay = server.Relayed ? "set ftp:prefer-epsv yes; set ftp:ignore-pasv-address yes; set ssl:check-hostname no; " : string.Empty;
        return "set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 30; set xfer:clobber on; set ftp:passive-mode yes; "
            + tls + relay + $"open -u {server.User},{server.Password} {server.UrlBase}; ";
    }

    public bool Handles(Scenario scenario) => !scenario.IsSftp && (Name == DefaultName || scenario.IsTree);

    private string ParallelOption => Name == ParallelName ? " -P" + Parallel : string.Empty;

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles)
    {
        string command = plan.Scenario.Kind switch
        {
            TransferKind.LargeDownload => $"get {plan.RemoteLargeSource} -o {plan.LocalLargeTarget}",
            TransferKind.LargeUpload => $"put {plan.LocalLargeSource} -o {plan.RemoteLargeTarget}",
            TransferKind.TreeDownload => $"mirror{ParallelOption} {plan.RemoteTreeSource} {plan.LocalTreeTarget}",
            TransferKind.TreeUpload => $"mirror -R{ParallelOption} {plan.LocalTreeSource} {plan.RemoteTreeTarget}",
            // cls parses the listing (LIST here: vsftpd has no MLSD) and prints it again in long form, one line per entry.
            TransferKind.Listing => $"cls -l {plan.RemoteListing}/",
            _ => throw new ArgumentOutOfRangeException(nameof(plan)),
        };
        MeasuredProcess run = MeasuredProcess.Run(Program, new[] { "-c", Session(plan.Server) + command }, _scratchDirectory);
        int failed = run.StandardError.Split('\n').Count(line => line.Length > 0);
        if (failed == 0 && run.ExitCode != 0)
        {
            failed = 1;
        }

        int entries = plan.Scenario.IsListing ? run.StandardOutput.Split('\n').Count(line => line.Length > 0) : -1;
        return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode, failed, run.StandardError.Trim(), null, Entries: entries);
    }
}

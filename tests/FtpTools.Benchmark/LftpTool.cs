using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>lftp -c with get/put for the large file and mirror / mirror -R for the tree (which lists the folders itself).</summary>
internal sealed class LftpTool : ITransferTool
{
    public const string Program = "/usr/bin/lftp";

    private readonly string _scratchDirectory;

    public LftpTool(string scratchDirectory)
    {
        _scratchDirectory = scratchDirectory;
    }

    public string Name => "lftp";

    /// <summary>Settings and open; net:max-retries 1 makes lftp report a failure instead of silently retrying it.</summary>
    public static string Session(ServerEndpoint server)
    {
        string tls = server.Tls
            ? $"set ssl:ca-file {server.CertificatePath}; set ftp:ssl-force yes; set ftp:ssl-protect-data yes; "
            : "set ftp:ssl-allow no; ";
        return "set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 30; set xfer:clobber on; set ftp:passive-mode yes; "
            + tls + $"open -u {server.User},{server.Password} {server.UrlBase}; ";
    }

    public bool Handles(Scenario scenario) => !scenario.IsSftp;

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles)
    {
        string command = plan.Scenario.Kind switch
        {
            TransferKind.LargeDownload => $"get {plan.RemoteLargeSource} -o {plan.LocalLargeTarget}",
            TransferKind.LargeUpload => $"put {plan.LocalLargeSource} -o {plan.RemoteLargeTarget}",
            TransferKind.TreeDownload => $"mirror {plan.RemoteTreeSource} {plan.LocalTreeTarget}",
            TransferKind.TreeUpload => $"mirror -R {plan.LocalTreeSource} {plan.RemoteTreeTarget}",
            _ => throw new ArgumentOutOfRangeException(nameof(plan)),
        };
        MeasuredProcess run = MeasuredProcess.Run(Program, new[] { "-c", Session(plan.Server) + command }, _scratchDirectory);
        int failed = run.StandardError.Split('\n').Count(line => line.Length > 0);
        if (failed == 0 && run.ExitCode != 0)
        {
            failed = 1;
        }

        return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode, failed, run.StandardError.Trim(), null);
    }
}

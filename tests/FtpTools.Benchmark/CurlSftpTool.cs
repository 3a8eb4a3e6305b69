using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace FtpTools.Benchmark;

/// <summary>
/// curl's sftp:// (libssh2), one process per run, the lab key, the host key pinned by its SHA-256; a tree goes through
/// one process with a -K list, so the SSH connection is reused.
/// </summary>
internal sealed class CurlSftpTool : ITransferTool
{
    private readonly string _scratchDirectory;

    public CurlSftpTool(string scratchDirectory)
    {
        _scratchDirectory = scratchDirectory;
    }

    public string Name => "curl";

    public bool Handles(Scenario scenario) => scenario.IsSftp;

    public static IReadOnlyList<string> CommonArguments(ServerEndpoint server)
    {
        SshEndpoint ssh = server.Ssh ?? throw new ArgumentException("not an SFTP server", nameof(server));
        var arguments = new List<string> { "-s", "-S", "-u", server.User + ":", "--key", ssh.PrivateKeyPath };
        arguments.AddRange(ssh.CurlHostKeySha256 is { } pin ? new[] { "--hostpubsha256", pin } : new[] { "-k" });
        return arguments;
    }

    /// <summary>
    /// libssh2 picks the host key type itself and curl takes one pin: the lab's keys are tried with a listing of "/" and
    /// the one that works is kept. Null when none does (curl then runs with -k, which the table's header says).
    /// </summary>
    public static string? FindHostKeyPin(ServerEndpoint server, string scratchDirectory)
    {
        SshEndpoint ssh = server.Ssh ?? throw new ArgumentException("not an SFTP server", nameof(server));
        foreach (string fingerprint in ssh.HostKeyFingerprints)
        {
            string pin = fingerprint.StartsWith("SHA256:", StringComparison.Ordinal) ? fingerprint["SHA256:".Length..] : fingerprint;
            MeasuredProcess run = MeasuredProcess.Run(CurlTool.Program,
                new[] { "-s", "-S", "-u", server.User + ":", "--key", ssh.PrivateKeyPath, "--hostpubsha256", pin, "-l", server.UrlBase + server.RemotePath("/") },
                scratchDirectory);
            if (run.ExitCode == 0)
            {
                return pin;
            }
        }

        return null;
    }

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles)
    {
        ServerEndpoint server = plan.Server;
        var arguments = CommonArguments(server).ToList();
        string? configFile = null;
        switch (plan.Scenario.Kind)
        {
            case TransferKind.LargeDownload:
                arguments.AddRange(new[] { "-o", plan.LocalLargeTarget, Url(server, plan.RemoteLargeSource) });
                break;
            case TransferKind.LargeUpload:
                arguments.AddRange(new[] { "-T", plan.LocalLargeSource, Url(server, plan.RemoteLargeTarget) });
                break;
            case TransferKind.TreeDownload:
                configFile = WriteConfig(treeFiles.SelectMany(file => new[]
                {
                    $"url = \"{Url(server, plan.RemoteTreeSource + "/" + file)}\"",
                    $"output = \"{plan.LocalTreeTarget}/{file}\"",
                }));
                arguments.AddRange(new[] { "--create-dirs", "-K", configFile });
                break;
            case TransferKind.TreeUpload:
                configFile = WriteConfig(treeFiles.SelectMany(file => new[]
                {
                    $"upload-file = \"{plan.LocalTreeSource}/{file}\"",
                    $"url = \"{Url(server, plan.RemoteTreeTarget + "/" + file)}\"",
                }));
                arguments.AddRange(new[] { "--ftp-create-dirs", "-K", configFile });
                break;
        }

        MeasuredProcess run = MeasuredProcess.Run(CurlTool.Program, arguments, _scratchDirectory);
        if (configFile is not null)
        {
            File.Delete(configFile);
        }

        int failed = run.StandardError.Split('\n').Count(line => line.StartsWith("curl: (", StringComparison.Ordinal));
        if (failed == 0 && run.ExitCode != 0)
        {
            failed = 1;
        }

        return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode, failed, run.StandardError.Trim(), null);
    }

    private static string Url(ServerEndpoint server, string rootRelativePath) => server.UrlBase + server.RemotePath(rootRelativePath);

    private string WriteConfig(IEnumerable<string> lines)
    {
        string path = Path.Combine(_scratchDirectory, "curl-sftp-" + Guid.NewGuid().ToString("N") + ".conf");
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }
}

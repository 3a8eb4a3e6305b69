using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace FtpTools.Benchmark;

/// <summary>
/// OpenSSH's sftp client in batch mode (-b), with its defaults (32 KiB requests, 64 in flight), the lab key and the
/// lab's known_hosts. A whole tree is one `put -r` / `get -r`; a retry sends the missing files one by one.
/// </summary>
internal sealed class OpenSshSftpTool : ITransferTool
{
    public const string Program = "/usr/bin/sftp";

    private readonly string _scratchDirectory;

    public OpenSshSftpTool(string scratchDirectory)
    {
        _scratchDirectory = scratchDirectory;
    }

    public string Name => "sftp";

    public bool Handles(Scenario scenario) => scenario.IsSftp;

    /// <summary>Everything but the batch file: key only, host key checked, no prompts, no agent, no config of the caller's.</summary>
    public static IReadOnlyList<string> CommonArguments(ServerEndpoint server)
    {
        SshEndpoint ssh = server.Ssh ?? throw new ArgumentException("not an SFTP server", nameof(server));
        // Through the delay relay the host key is still looked up under the server's own address in the lab's known_hosts.
        string[] alias = server.Relayed ? new[] { "-o", $"HostKeyAlias=[{server.NamedHost}]:{server.Port}" } : Array.Empty<string>();
        return alias.Concat(new[]
        {
            "-q", "-F", "/dev/null", "-i", ssh.PrivateKeyPath, "-P", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
            "-o", "UserKnownHostsFile=" + ssh.KnownHostsFile, "-o", "GlobalKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            server.User + "@" + server.Host,
        }).ToArray();
    }

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles)
    {
        ServerEndpoint server = plan.Server;
        bool wholeTree = treeFiles.Count == plan.TreeFiles.Count;
        IEnumerable<string> commands = plan.Scenario.Kind switch
        {
            TransferKind.LargeDownload => new[] { $"get {Quote(server.RemotePath(plan.RemoteLargeSource))} {Quote(plan.LocalLargeTarget)}" },
            TransferKind.LargeUpload => new[] { $"put {Quote(plan.LocalLargeSource)} {Quote(server.RemotePath(plan.RemoteLargeTarget))}" },
            TransferKind.TreeDownload when wholeTree => new[] { $"get -r {Quote(server.RemotePath(plan.RemoteTreeSource))} {Quote(plan.LocalTreeTarget)}" },
            TransferKind.TreeUpload when wholeTree => new[] { $"put -r {Quote(plan.LocalTreeSource)} {Quote(server.RemotePath(plan.RemoteTreeTarget))}" },
            TransferKind.TreeDownload => TreeLayout.Directories(treeFiles).Select(directory => $"-lmkdir {Quote(plan.LocalTreeTarget + "/" + directory)}")
                .Concat(treeFiles.Select(file => $"get {Quote(server.RemotePath(plan.RemoteTreeSource) + "/" + file)} {Quote(plan.LocalTreeTarget + "/" + file)}")),
            TransferKind.TreeUpload => TreeLayout.Directories(treeFiles).Select(directory => $"-mkdir {Quote(server.RemotePath(plan.RemoteTreeTarget) + "/" + directory)}")
                .Concat(treeFiles.Select(file => $"put {Quote(plan.LocalTreeSource + "/" + file)} {Quote(server.RemotePath(plan.RemoteTreeTarget) + "/" + file)}")),
            _ => throw new ArgumentOutOfRangeException(nameof(plan)),
        };
        if (plan.Scenario.Kind == TransferKind.TreeDownload && !wholeTree)
        {
            Directory.CreateDirectory(plan.LocalTreeTarget);
        }
        else if (plan.Scenario.Kind == TransferKind.TreeUpload && !wholeTree)
        {
            commands = new[] { "-mkdir " + Quote(server.RemotePath(plan.RemoteTreeTarget)) }.Concat(commands);
        }

        string batchFile = Path.Combine(_scratchDirectory, "sftp-" + Guid.NewGuid().ToString("N") + ".batch");
        File.WriteAllText(batchFile, string.Join('\n', commands) + "\n", new UTF8Encoding(false));
        MeasuredProcess run = MeasuredProcess.Run(Program, new[] { "-b", batchFile }.Concat(CommonArguments(server)), _scratchDirectory);
        File.Delete(batchFile);

        // In batch mode sftp stops at the first failed command (exit 1) and says why on stderr.
        int failed = run.ExitCode == 0 ? 0 : 1;
        return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode, failed, run.StandardError.Trim(), null);
    }

    /// <summary>sftp's batch syntax takes double-quoted arguments; the benchmark's paths have no quotes or backslashes.</summary>
    private static string Quote(string path) => "\"" + path + "\"";
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FtpTools.Lab;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>
/// Whether tests/lab/netns.sh can run: Linux, root, ip and iptables, and the vsftpd part of the FTP lab. Like the lab's
/// own skip, a missing prerequisite skips the tests only outside CI; under CI=true they run and fail.
/// </summary>
public static class NetnsSkip
{
    public static string? Reason()
    {
        var environment = new LabEnvironment();
        if (environment.IsCi)
        {
            return null;
        }

        IReadOnlyList<string> missing = MissingPrerequisites(environment);
        return missing.Count == 0 ? null : "network namespace lab unavailable: " + string.Join("; ", missing);
    }

    public static IReadOnlyList<string> MissingPrerequisites(LabEnvironment environment)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new[] { "network namespaces need Linux" };
        }

        var missing = new List<string>();
        if (!Environment.IsPrivilegedProcess)
        {
            missing.Add("must run as root (ip netns, iptables)");
        }

        missing.AddRange(new[] { "ip", "iptables" }.Where(tool => FindExecutable(tool) is null).Select(tool => "missing " + tool));
        missing.AddRange(environment.MissingPrerequisites(new[] { LabServerKind.Vsftpd }).Where(reason => !missing.Contains(reason)));
        return missing;
    }

    /// <summary>Searches PATH and the sbin folders, which a non-login root shell may lack in PATH.</summary>
    public static string? FindExecutable(string name)
    {
        IEnumerable<string> folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" });
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Lab;

/// <summary>
/// Cleans up after labs whose owning process died without disposing them (killed test host, debugger stop):
/// their servers run in their own sessions and would otherwise live on. Only folders with an owner file written by
/// this harness are considered, and only processes that are session leaders running a lab server binary are killed.
/// </summary>
internal static class LabReaper
{
    public const string FolderPrefix = "ftptools-lab-";
    public const string OwnerFile = "owner";
    public const string ServerPidFile = "server.pid";

    public static void WriteOwner(string labDirectory)
    {
        int pid = Environment.ProcessId;
        File.WriteAllText(Path.Combine(labDirectory, OwnerFile), $"{pid} {LabProcess.StartTime(pid)}\n");
    }

    public static void ReapStale(string tempDirectory, LabEnvironment environment)
    {
        string[] serverBinaries = new[] { environment.Vsftpd, environment.Proftpd, environment.PureFtpd, environment.Python, environment.Sshd }
            .Select(RealPath)
            .ToArray();
        foreach (string lab in Directory.EnumerateDirectories(tempDirectory, FolderPrefix + "*"))
        {
            try
            {
                if (!IsOrphaned(lab))
                {
                    continue;
                }

                foreach (string pidFile in Directory.EnumerateFiles(lab, ServerPidFile, SearchOption.AllDirectories))
                {
                    if (int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                        && LabProcess.Session(pid) == pid
                        && serverBinaries.Contains(RealPath($"/proc/{pid}/exe")))
                    {
                        LabProcess.KillTree(pid);
                    }
                }

                Directory.Delete(lab, recursive: true);
            }
            catch (IOException)
            {
                // another process is cleaning up or using it
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsOrphaned(string lab)
    {
        string ownerFile = Path.Combine(lab, OwnerFile);
        if (!File.Exists(ownerFile))
        {
            return false;
        }

        string[] owner = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return owner.Length == 2
            && int.TryParse(owner[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            && LabProcess.StartTime(pid) != owner[1];
    }

    private static string RealPath(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
        catch (UnauthorizedAccessException)
        {
            return path;
        }
    }
}

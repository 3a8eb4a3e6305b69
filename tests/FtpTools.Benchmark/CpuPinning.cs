using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// Keeps the servers and the tools on separate CPUs (--server-cpus): on a machine with two cores, vsftpd's TLS upload runs
/// in two processes that hand every record to each other, and how the scheduler places them changes vsftpd's own CPU per GiB
/// by a third depending on how busy the client keeps the other core; pinned, every client meets the same server. The tools
/// run on the CPUs the benchmark itself is allowed (start it under `taskset -c 0`).
/// </summary>
internal static class CpuPinning
{
    private const string TaskSet = "/usr/bin/taskset";

    /// <summary>Moves every thread of each server process (and so the session processes it forks later) onto cpus.</summary>
    public static void PinServers(IEnumerable<int> processIds, string cpus)
    {
        if (!File.Exists(TaskSet))
        {
            throw new ArgumentException("--server-cpus needs " + TaskSet + " (apt-get install -y util-linux)");
        }

        foreach (int processId in processIds)
        {
            string[] output = MachineDescription.OutputLines(TaskSet, "-a", "-p", "-c", cpus, processId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!output.Any(line => line.Contains("new affinity list", StringComparison.Ordinal)))
            {
                throw new ArgumentException($"could not pin server process {processId} to CPUs {cpus}: {string.Join(" ", output)}");
            }
        }
    }

    /// <summary>The CPUs this process may run on (and the tools it starts), as /proc lists them.</summary>
    public static string OwnCpus() =>
        File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").Where(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
                .Select(line => line["Cpus_allowed_list:".Length..].Trim()).FirstOrDefault() ?? "unknown"
            : "unknown";
}

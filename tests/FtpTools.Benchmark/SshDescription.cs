using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>The SFTP side of the header: versions, what each client negotiates with the lab's sshd, how curl checks the host key.</summary>
internal static class SshDescription
{
    private const string CipherLine = "debug1: kex: server->client cipher: ";
    private const string KeyExchangeLine = "debug1: kex: algorithm: ";

    public static IReadOnlyList<(string Name, string Value)> Collect(ServerEndpoint server, string scratchDirectory) => new[]
    {
        ("openssh", MachineDescription.FirstOutputLine("/usr/bin/ssh", "-V")),
        ("ssh sftp", OpenSshNegotiation(server, scratchDirectory)),
        ("ssh curl", "libssh2 1.10 (see curl above); its cipher is not printed: by libssh2 1.10's order (no chacha20, no GCM) aes128-ctr + hmac-sha2-256"),
        ("curl key", server.Ssh!.CurlHostKeySha256 is { } pin ? "--hostpubsha256 " + pin : "-k (no lab host key matched)"),
        ("ssh engine", "SSH.NET 2026.0.0 via SftpConnectorLoader; cipher, MAC and key exchange per row in the notes below"),
    };

    /// <summary>One `pwd` with LogLevel DEBUG1: the kex lines name the cipher, MAC and key exchange sftp's defaults chose.</summary>
    private static string OpenSshNegotiation(ServerEndpoint server, string scratchDirectory)
    {
        string batchFile = Path.Combine(scratchDirectory, "sftp-probe-" + Guid.NewGuid().ToString("N") + ".batch");
        File.WriteAllText(batchFile, "pwd\n");
        IEnumerable<string> arguments = new[] { "-b", batchFile }
            .Concat(OpenSshSftpTool.CommonArguments(server).Select(argument => argument switch { "-q" => "-v", "LogLevel=ERROR" => "LogLevel=DEBUG1", _ => argument }));
        MeasuredProcess run = MeasuredProcess.Run(OpenSshSftpTool.Program, arguments, scratchDirectory);
        File.Delete(batchFile);
        string[] lines = run.StandardError.Split('\n');
        string? cipher = lines.FirstOrDefault(line => line.StartsWith(CipherLine, StringComparison.Ordinal))?[CipherLine.Length..].Trim();
        string? kex = lines.FirstOrDefault(line => line.StartsWith(KeyExchangeLine, StringComparison.Ordinal))?[KeyExchangeLine.Length..].Trim();
        return cipher is null ? "unknown (exit " + run.ExitCode + ")" : cipher + "; kex " + kex + "; requests 32 KiB x 64 in flight (sftp's -B/-R defaults)";
    }
}

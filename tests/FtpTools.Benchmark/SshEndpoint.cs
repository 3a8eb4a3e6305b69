using System.Collections.Generic;

namespace FtpTools.Benchmark;

/// <summary>
/// The SSH side of the lab's sshd as the SFTP tools use it: every tool logs in with the same unencrypted ed25519 key and
/// checks the host key (OpenSSH and the engine against the lab's pins / known_hosts, curl against the SHA-256 of the
/// host key libssh2 negotiates, found by <see cref="CurlSftpTool.FindHostKeyPin"/>).
/// </summary>
internal sealed record SshEndpoint(
    string RemoteRootDirectory,
    string PrivateKeyPath,
    string KnownHostsFile,
    IReadOnlyList<string> HostKeyFingerprints)
{
    /// <summary>Base64 SHA-256 (no "SHA256:" prefix) of the host key curl sees; null until probed (curl then runs with -k).</summary>
    public string? CurlHostKeySha256 { get; set; }
}

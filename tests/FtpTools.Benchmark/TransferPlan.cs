using System.Collections.Generic;

namespace FtpTools.Benchmark;

/// <summary>
/// Where one tool's transfer reads and writes. Remote paths are rooted at the server's root (the FTP root; for SFTP see
/// ServerEndpoint.RemotePath); each tool gets its own upload
/// and download targets so a leftover from one can never make another look successful.
/// </summary>
internal sealed record TransferPlan(
    Scenario Scenario,
    ServerEndpoint Server,
    string LocalLargeSource,
    string RemoteLargeSource,
    string RemoteLargeTarget,
    string LocalLargeTarget,
    string LocalTreeSource,
    string RemoteTreeSource,
    string RemoteTreeTarget,
    string LocalTreeTarget,
    IReadOnlyList<string> TreeFiles,
    string RemoteListing,
    int ListEntries)
{
    /// <summary>The remote and local side of this transfer, remote paths as the server names them.</summary>
    public (string Remote, string Local) Ends() => Scenario.Kind switch
    {
        TransferKind.LargeDownload => (Server.RemotePath(RemoteLargeSource), LocalLargeTarget),
        TransferKind.LargeUpload => (Server.RemotePath(RemoteLargeTarget), LocalLargeSource),
        TransferKind.TreeDownload => (Server.RemotePath(RemoteTreeSource), LocalTreeTarget),
        TransferKind.TreeUpload => (Server.RemotePath(RemoteTreeTarget), LocalTreeSource),
        TransferKind.Listing => (Server.RemotePath(RemoteListing), "/dev/null"),
        _ => throw new System.ArgumentOutOfRangeException(nameof(Scenario)),
    };
}

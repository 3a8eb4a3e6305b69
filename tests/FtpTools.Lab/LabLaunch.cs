using System.Collections.Generic;

namespace FtpTools.Lab;

/// <summary>How to start a prepared server: a foreground (non-daemonizing) command.</summary>
/// <param name="RunAs">uid/gid to switch to before exec (null = stay root).</param>
/// <param name="LogFiles">The server's own log files, shown (tail) when it fails to start.</param>
internal sealed record LabLaunch(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    (int Uid, int Gid)? RunAs,
    IReadOnlyList<string> LogFiles);

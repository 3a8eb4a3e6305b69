using System;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>Which TLS version curl and lftp negotiate with a server: a short verbose listing, its handshake line picked out.</summary>
internal static class TlsVersionProbe
{
    public static string Curl(ServerEndpoint server, string scratchDirectory)
    {
        MeasuredProcess run = MeasuredProcess.Run(CurlTool.Program,
            new[] { "-v" }.Concat(CurlTool.CommonArguments(server)).Concat(new[] { "-l", CurlTool.UrlBase(server) + "/" }), scratchDirectory);
        string? line = run.StandardError.Split('\n').FirstOrDefault(text => text.Contains("SSL connection using", StringComparison.Ordinal));
        return line is null ? "unknown (exit " + run.ExitCode + ")" : line[(line.IndexOf("using", StringComparison.Ordinal) + 6)..].Trim();
    }

    /// <summary>
    /// lftp does not print the negotiated version, so it is inferred: GnuTLS's NORMAL priority takes the highest version
    /// both sides have, and a listing restricted to TLS 1.3 shows whether that is 1.3.
    /// </summary>
    public static string Lftp(ServerEndpoint server, string scratchDirectory)
    {
        MeasuredProcess run = MeasuredProcess.Run(LftpTool.Program,
            new[] { "-c", "set ssl:priority NORMAL:-VERS-ALL:+VERS-TLS1.3; " + LftpTool.Session(server) + "cls /" }, scratchDirectory);
        return run.ExitCode == 0
            ? "TLSv1.3 (inferred: a TLS 1.3-only listing works and GnuTLS NORMAL prefers the highest version)"
            : "TLSv1.2 or lower (a TLS 1.3-only listing failed: " + run.StandardError.Trim() + ")";
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace FtpTools.Benchmark;

/// <summary>curl, one process per run; a tree goes through one process with a -K list so the control connection is reused.</summary>
internal sealed class CurlTool : ITransferTool
{
    public const string Program = "/usr/bin/curl";

    /// <summary>The line curl's -w adds after a listing: seconds until the transfer was about to start, and in all.</summary>
    private const string TimesMarker = "curl-times ";

    private readonly string _scratchDirectory;

    public CurlTool(string scratchDirectory)
    {
        _scratchDirectory = scratchDirectory;
    }

    public string Name => "curl";

    /// <summary>
    /// Through the delay relay the URL keeps the server's own address (which the certificate names) and --connect-to
    /// sends the control connection to the relay; EPSV data connections go to the address curl connected to (the
    /// relay), and --ftp-skip-pasv-ip does the same for PASV.
    /// </summary>
    public static string UrlBase(ServerEndpoint server) => server.Relayed ? $"ftp://{server.NamedHost}:{server.Port}" : server.UrlBase;

    public static IReadOnlyList<string> CommonArguments(ServerEndpoint server)
    {
        var arguments = new List<string> { "-s", "-S", "--ftp-pasv", "-u", server.User + ":" + server.Password };
        if (server.Relayed)
        {
            arguments.AddRange(new[] { "--connect-to", $"{server.NamedHost}:{server.Port}:{server.Host}:{server.Port}", "--ftp-skip-pasv-ip" });
        }

        if (server.Tls)
        {
            arguments.AddRange(new[] { "--ssl-reqd", "--cacert", server.CertificatePath });
        }

        return arguments;
    }

    public bool Handles(Scenario scenario) => !scenario.IsSftp;

    public ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles)
    {
        ServerEndpoint server = plan.Server;
        var arguments = CommonArguments(server).ToList();
        string? configFile = null;
        switch (plan.Scenario.Kind)
        {
            case TransferKind.LargeDownload:
                arguments.AddRange(new[] { "-o", plan.LocalLargeTarget, UrlBase(server) + plan.RemoteLargeSource });
                break;
            case TransferKind.LargeUpload:
                arguments.AddRange(new[] { "-T", plan.LocalLargeSource, UrlBase(server) + plan.RemoteLargeTarget });
                break;
            case TransferKind.TreeDownload:
                configFile = WriteConfig(treeFiles.SelectMany(file => new[]
                {
                    $"url = \"{UrlBase(server)}{plan.RemoteTreeSource}/{file}\"",
                    $"output = \"{plan.LocalTreeTarget}/{file}\"",
                }));
                arguments.AddRange(new[] { "--create-dirs", "-K", configFile });
                break;
            case TransferKind.TreeUpload:
                configFile = WriteConfig(treeFiles.SelectMany(file => new[]
                {
                    $"upload-file = \"{plan.LocalTreeSource}/{file}\"",
                    $"url = \"{UrlBase(server)}{plan.RemoteTreeTarget}/{file}\"",
                }));
                arguments.AddRange(new[] { "--ftp-create-dirs", "-K", configFile });
                break;
            case TransferKind.Listing:
                // A URL ending in "/" makes curl CWD there and send LIST; the lines arrive on stdout and are counted.
                arguments.AddRange(new[] { "-w", "\n" + TimesMarker + "%{time_pretransfer} %{time_total}\n", UrlBase(server) + plan.RemoteListing + "/" });
                break;
        }

        MeasuredProcess run = MeasuredProcess.Run(Program, arguments, _scratchDirectory);
        if (configFile is not null)
        {
            File.Delete(configFile);
        }

        // With -S every failed transfer prints one "curl: (code) ..." line.
        int failed = run.StandardError.Split('\n').Count(line => line.StartsWith("curl: (", StringComparison.Ordinal));
        if (failed == 0 && run.ExitCode != 0)
        {
            failed = 1;
        }

        if (plan.Scenario.IsListing)
        {
            (int entries, double aloneSeconds) = CountListing(run.StandardOutput);
            string note = string.Create(CultureInfo.InvariantCulture, $"seconds = process wall; LIST alone by curl's own -w timing (time_total - time_pretransfer) {aloneSeconds:0.000} s");
            return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode, failed, run.StandardError.Trim(), note, Entries: entries, AloneSeconds: aloneSeconds);
        }

        return new ToolAttempt(run.Seconds, run.PeakRssKiB, run.CpuSeconds, run.ExitCode, failed, run.StandardError.Trim(), null);
    }

    /// <summary>
    /// Entries: the listing's non-empty lines but "total N". AloneSeconds: curl's own timing of the listing after the
    /// pre-transfer phase (for FTP that ends once LIST is sent and answered 150), -1 when -w wrote nothing.
    /// </summary>
    private static (int Entries, double AloneSeconds) CountListing(string output)
    {
        int entries = 0;
        double aloneSeconds = -1;
        foreach (string line in output.Split('\n').Select(text => text.TrimEnd('\r')))
        {
            if (line.StartsWith(TimesMarker, StringComparison.Ordinal))
            {
                string[] parts = line[TimesMarker.Length..].Split(' ');
                double pretransfer = double.Parse(parts[0], CultureInfo.InvariantCulture);
                double total = double.Parse(parts[1], CultureInfo.InvariantCulture);
                aloneSeconds = total - pretransfer;
            }
            else if (line.Length > 0 && !line.StartsWith("total ", StringComparison.Ordinal))
            {
                entries++;
            }
        }

        return (entries, aloneSeconds);
    }

    private string WriteConfig(IEnumerable<string> lines)
    {
        string path = Path.Combine(_scratchDirectory, "curl-" + Guid.NewGuid().ToString("N") + ".conf");
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using FtpTools.Engine;

namespace FtpTools.Benchmark;

/// <summary>
/// The engine side, run in a child process of its own (`--engine-only KIND ...`) so its peak RSS is measured like
/// curl's and lftp's. Prints one "engine-result" line; failed files of a tree are counted, not fatal.
/// </summary>
internal static class EngineChild
{
    public const string ResultPrefix = "engine-result ";

    public static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--tls" };

    public static int Run(ArgumentReader arguments)
    {
        TransferKind kind = Scenario.ParseKind(arguments.Text("--engine-only"));
        string remote = arguments.Text("--remote");
        string local = arguments.Text("--local");
        var settings = new EngineSettings(Number(arguments, "--transfer-buffer-kib"), Number(arguments, "--file-buffer-kib"));
        FtpClientOptions options = Options(arguments, settings);
        IReadOnlyList<string> treeFiles = arguments.OptionalText("--tree-list") is { } list ? File.ReadAllLines(list) : Array.Empty<string>();

        CancellationToken none = CancellationToken.None;
        var clock = Stopwatch.StartNew();
        var client = new FtpClient(options);
        int failures = 0;
        try
        {
            client.Connect(none);
            switch (kind)
            {
                case TransferKind.LargeDownload:
                    using (FileStream file = new(local, FileMode.Create, FileAccess.Write, FileShare.None, FileBuffer(settings), FileOptions.None))
                    {
                        client.Download(remote, file, 0, null, none);
                    }

                    break;
                case TransferKind.LargeUpload:
                    using (FileStream file = new(local, FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer(settings), FileOptions.SequentialScan))
                    {
                        client.Upload(file, remote, FtpUploadMode.Overwrite, null, none);
                    }

                    break;
                case TransferKind.TreeDownload:
                    foreach (string directory in TreeLayout.Directories(treeFiles))
                    {
                        Directory.CreateDirectory(Path.Combine(local, directory));
                    }

                    failures = ForEachFile(ref client, options, treeFiles, (session, file) =>
                    {
                        using FileStream target = new(Path.Combine(local, file), FileMode.Create, FileAccess.Write, FileShare.None, FileBuffer(settings), FileOptions.None);
                        session.Download(remote + "/" + file, target, 0, null, none);
                    });
                    break;
                case TransferKind.TreeUpload:
                    client.CreateDirectory(remote, createParents: true, none);
                    foreach (string directory in TreeLayout.Directories(treeFiles))
                    {
                        client.CreateDirectory(remote + "/" + directory, createParents: true, none);
                    }

                    failures = ForEachFile(ref client, options, treeFiles, (session, file) =>
                    {
                        using FileStream source = new(Path.Combine(local, file), FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer(settings), FileOptions.SequentialScan);
                        session.Upload(source, remote + "/" + file, FtpUploadMode.Overwrite, null, none);
                    });
                    break;
            }

            string tls = client.TlsProtocol ?? "none";
            client.Disconnect(none);
            double seconds = clock.Elapsed.TotalSeconds;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ResultPrefix}seconds={seconds:0.000000} failures={failures} tls={tls} vmhwm-kib={PeakRssKiB()} allocated-kib={GC.GetTotalAllocatedBytes() / 1024}"));
            return 0;
        }
        catch (FtpException exception)
        {
            Console.Error.WriteLine("engine: " + exception.Message);
            return 1;
        }
        finally
        {
            client.Dispose();
        }
    }

    private static FtpClientOptions Options(ArgumentReader arguments, EngineSettings settings)
    {
        var options = new FtpClientOptions(arguments.Text("--host"))
        {
            Port = int.Parse(arguments.Text("--port"), CultureInfo.InvariantCulture),
            Credential = new NetworkCredential(arguments.Text("--user"), arguments.Text("--password")),
            Encryption = arguments.Has("--tls") ? FtpEncryption.Explicit : FtpEncryption.None,
        };
        if (arguments.OptionalText("--pin") is { } pin)
        {
            options.PinnedCertificateThumbprints.Add(pin);
        }

        if (settings.TransferBufferKiB > 0)
        {
            options.TransferBufferSize = settings.TransferBufferKiB * 1024;
        }

        return options;
    }

    /// <summary>Files one after the other in one session; a session that breaks is replaced and the file counted as failed.</summary>
    private static int ForEachFile(ref FtpClient client, FtpClientOptions options, IReadOnlyList<string> files, Action<FtpClient, string> transfer)
    {
        int failures = 0;
        foreach (string file in files)
        {
            try
            {
                transfer(client, file);
            }
            catch (FtpException exception)
            {
                failures++;
                Console.Error.WriteLine("engine: " + file + ": " + exception.Message);
                if (!client.IsConnected)
                {
                    client.Dispose();
                    client = new FtpClient(options);
                    client.Connect(CancellationToken.None);
                }
            }
        }

        return failures;
    }

    /// <summary>0 in FileStream's constructor means no FileStream buffer: the engine already reads and writes in large blocks.</summary>
    private static int FileBuffer(EngineSettings settings) => settings.FileBufferKiB * 1024;

    private static int Number(ArgumentReader arguments, string name) =>
        arguments.OptionalText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;

    private static long PeakRssKiB()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

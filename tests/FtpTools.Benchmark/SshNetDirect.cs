using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace FtpTools.Benchmark;

/// <summary>
/// Experiment, not the module's path: SSH.NET's SftpClient driven directly (DownloadFile / UploadFile with a FileStream,
/// nothing of ours in between) with the settings under test: SftpClient.BufferSize (--sshnet-buffer-kib; 0 = SSH.NET's
/// 32 KiB) and the cipher (--sshnet-cipher NAME: only that one offered). Large files only. Side by side with the engine,
/// it shows what the adapter costs and what SSH.NET's own settings change.
/// </summary>
internal static class SshNetDirect
{
    public static int Run(ArgumentReader arguments, TransferKind kind, string remote, string local, EngineSettings settings)
    {
        if (kind is not (TransferKind.LargeDownload or TransferKind.LargeUpload))
        {
            Console.Error.WriteLine("sshnet: large files only");
            return 2;
        }

        string[] pins = arguments.Text("--host-keys").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Unprefixed).ToArray();
        int bufferKiB = arguments.OptionalText("--sshnet-buffer-kib") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        string? cipher = arguments.OptionalText("--sshnet-cipher");
        var clock = Stopwatch.StartNew();
        using var key = new PrivateKeyFile(arguments.Text("--key"));
        var info = new ConnectionInfo(arguments.Text("--host"), int.Parse(arguments.Text("--port"), CultureInfo.InvariantCulture), arguments.Text("--user"),
            new PrivateKeyAuthenticationMethod(arguments.Text("--user"), key));
        if (cipher is not null)
        {
            foreach (string name in info.Encryptions.Keys.Where(name => name != cipher).ToList())
            {
                info.Encryptions.Remove(name);
            }
        }

        using var client = new SftpClient(info);
        if (bufferKiB > 0)
        {
            client.BufferSize = (uint)(bufferKiB * 1024);
        }

        client.HostKeyReceived += (sender, e) => e.CanTrust = pins.Contains(Unprefixed(e.FingerPrintSHA256));
        try
        {
            client.Connect();
            if (kind == TransferKind.LargeDownload)
            {
                using FileStream file = new(local, FileMode.Create, FileAccess.Write, FileShare.None, EngineChild.FileBuffer(settings), FileOptions.None);
                client.DownloadFile(remote, file);
            }
            else
            {
                using FileStream file = new(local, FileMode.Open, FileAccess.Read, FileShare.Read, EngineChild.FileBuffer(settings), FileOptions.SequentialScan);
                client.UploadFile(file, remote, true);
            }

            ConnectionInfo negotiated = client.ConnectionInfo;
            string security = negotiated.CurrentServerEncryption + "," + (string.IsNullOrEmpty(negotiated.CurrentServerHmacAlgorithm) ? negotiated.CurrentServerEncryption : negotiated.CurrentServerHmacAlgorithm)
                + "," + negotiated.CurrentKeyExchangeAlgorithm + ",buffer=" + client.BufferSize;
            client.Disconnect();
            EngineChild.PrintResult(clock.Elapsed.TotalSeconds, 0, security);
            return 0;
        }
        catch (Exception exception) when (exception is SshException or IOException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine("sshnet: " + exception.Message);
            return 1;
        }
    }

    /// <summary>"SHA256:abc" and "abc", with or without base64 padding, compare equal.</summary>
    private static string Unprefixed(string fingerprint) =>
        (fingerprint.StartsWith("SHA256:", StringComparison.Ordinal) ? fingerprint["SHA256:".Length..] : fingerprint).TrimEnd('=');
}

using System;
using System.Globalization;
using System.Net;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;

namespace FtpTools.Benchmark;

/// <summary>How the engine's child opens its session: FtpClient for FTP, the SFTP connector through SftpConnectorLoader for SFTP.</summary>
internal static class EngineSessions
{
    /// <summary>FtpClient with the trace going to counter (a counter per call, so the cost is one increment per line).</summary>
    public static Func<IRemoteFileSystem> Ftp(ArgumentReader arguments, EngineSettings settings, CommandCounter counter)
    {
        var options = new FtpClientOptions(arguments.Text("--host"))
        {
            Trace = counter.Observe,
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

        return () =>
        {
            var client = new FtpClient(options);
            try
            {
                client.Connect(CancellationToken.None);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        };
    }

    /// <summary>
    /// As the module does it: FtpTools.Sftp and SSH.NET loaded by SftpConnectorLoader into their private load context
    /// (from this program's folder, which holds them as the module's sftp folder does), key login, host key pinned.
    /// </summary>
    public static Func<IRemoteFileSystem> Sftp(ArgumentReader arguments)
    {
        var options = SftpOptions(arguments);
        return () => SftpConnectorLoader.LoadFromFolder(AppContext.BaseDirectory).Connect(options, CancellationToken.None);
    }

    public static SftpConnectionOptions SftpOptions(ArgumentReader arguments)
    {
        var options = new SftpConnectionOptions(arguments.Text("--host"), arguments.Text("--user"))
        {
            Port = int.Parse(arguments.Text("--port"), CultureInfo.InvariantCulture),
        };
        options.PrivateKeyFiles.Add(new SftpPrivateKeyFile(arguments.Text("--key")));
        foreach (string fingerprint in arguments.Text("--host-keys").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            options.HostKeyFingerprints.Add(fingerprint);
        }

        return options;
    }

    /// <summary>What protects the session: the TLS version, "none", or the SSH cipher, MAC and key exchange.</summary>
    public static string Security(IRemoteFileSystem session) => session switch
    {
        FtpClient ftp => ftp.TlsProtocol ?? "none",
        ISftpFileSystem sftp => sftp.SessionInfo.Cipher + "," + sftp.SessionInfo.Mac + "," + sftp.SessionInfo.KeyExchange,
        _ => "unknown",
    };
}

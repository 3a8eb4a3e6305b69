using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace FtpTools.Lab;

/// <summary>One running (or runnable) lab server with its generated configuration, ports and folders.</summary>
public sealed class LabServer : IDisposable
{
    private readonly LabEnvironment _environment;
    private readonly LabLaunch _launch;
    private LabProcess? _process;

    internal LabServer(LabServerPlan plan, LabLaunch launch, LabSshServer? ssh = null)
    {
        Ssh = ssh;
        _environment = plan.Environment;
        _launch = launch;
        Definition = plan.Definition;
        Port = plan.Port;
        PassivePortMin = plan.PassivePortMin;
        PassivePortMax = plan.PassivePortMax;
        User = plan.Account.User;
        Password = plan.Account.Password;
        RootDirectory = plan.RootDirectory;
        ServerDirectory = plan.ServerDirectory;
        CertificatePath = plan.Certificate.CertificatePath;
        CertificateSha256 = plan.Certificate.Sha256Thumbprint;
        ConsoleLog = plan.PathInServerDirectory("console.log");
    }

    public LabServerDefinition Definition { get; }

    public string Name => Definition.Name;

    public LabServerKind Kind => Definition.Kind;

    /// <summary>"127.0.0.1" or "::1" (no brackets).</summary>
    public string Host => Definition.Host;

    /// <summary>Every address the server listens on (same port); proftpd-plain has 127.0.0.1 and ::1.</summary>
    public IReadOnlyList<string> Addresses => Definition.Addresses;

    public int Port { get; }

    public LabEncryption Encryption => Definition.Encryption;

    /// <summary>Data-channel TLS must resume the control channel's TLS session (vsftpd require_ssl_reuse, proftpd mod_tls).</summary>
    public bool RequiresTlsSessionReuse => Definition.RequiresTlsSessionReuse;

    /// <summary>1.2 or 1.3 for TLS servers; null for plain FTP.</summary>
    public Version? MaxTlsVersion => Definition.MaxTlsVersion;

    public string User { get; }

    public string Password { get; }

    /// <summary>Local folder that is "/" for the FTP user; writable by it, fresh per lab run, readable by the tests.</summary>
    public string RootDirectory { get; }

    /// <summary>SHA-256 of the lab certificate, upper-case hex (the same for every server of a lab).</summary>
    public string CertificateSha256 { get; }

    /// <summary>PEM file of the self-signed lab certificate (usable as CA file).</summary>
    public string CertificatePath { get; }

    public int PassivePortMin { get; }

    public int PassivePortMax { get; }

    /// <summary>Generated configuration and logs of this server.</summary>
    public string ServerDirectory { get; }

    /// <summary>stdout/stderr of the server process (vsftpd's start-up errors too).</summary>
    public string ConsoleLog { get; }

    public IReadOnlyList<string> LogFiles => new[] { ConsoleLog }.Concat(_launch.LogFiles).ToArray();

    /// <summary>ftp://host:port/ (ftps:// for implicit TLS, sftp:// for sshd); IPv6 hosts in brackets.</summary>
    public Uri Url => new($"{(Encryption == LabEncryption.Ssh ? "sftp" : Encryption == LabEncryption.Implicit ? "ftps" : "ftp")}://{UrlHost}:{Port}/");

    /// <summary>sshd only: host keys, a known_hosts file with them, the client keys and the login methods.</summary>
    public LabSshServer? Ssh { get; }

    /// <summary>The remote path of <see cref="RootDirectory"/>: "/" for the FTP servers (chrooted), the folder itself over SFTP (no chroot; the session starts there).</summary>
    public string RemoteRootDirectory => Kind == LabServerKind.Sshd ? RootDirectory : "/";

    /// <summary>Host as it goes into a URL: [::1] or 127.0.0.1.</summary>
    public string UrlHost => Host.Contains(':') ? "[" + Host + "]" : Host;

    public int? ProcessId => _process?.Id;

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException(Name + " was already started");
        }

        _process = LabProcess.Start(_environment, _launch, ConsoleLog, ServerDirectory);
        File.WriteAllText(Path.Combine(ServerDirectory, LabReaper.ServerPidFile), _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
    }

    /// <summary>
    /// Waits until the server accepts a connection and greets with 220 (implicit TLS: until it accepts);
    /// throws <see cref="LabServerStartException"/> with the log tails when it exits or the time runs out.
    /// </summary>
    public void WaitUntilReady(TimeSpan timeout)
    {
        LabProcess process = _process ?? throw new InvalidOperationException(Name + " was not started");
        var clock = Stopwatch.StartNew();
        string lastProblem = "no connection attempt yet";
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw Failure("exited during start-up");
            }

            try
            {
                lastProblem = Probe(timeout - clock.Elapsed);
                if (lastProblem.Length == 0)
                {
                    return;
                }
            }
            catch (SocketException exception)
            {
                lastProblem = exception.Message;
            }
            catch (IOException exception)
            {
                lastProblem = exception.Message;
            }

            Thread.Sleep(50);
        }

        throw Failure($"not ready after {timeout.TotalSeconds:0.#} s ({lastProblem})");
    }

    /// <summary>
    /// Kills the server with its whole process tree and session (its client sessions die with it, as in a crash), waits
    /// <paramref name="pause"/>, then starts it again on the same port with the same configuration and waits until it is ready.
    /// </summary>
    public void Restart(TimeSpan pause, TimeSpan readyTimeout)
    {
        LabProcess? old = _process;
        _process = null;
        old?.Dispose();
        Thread.Sleep(pause);
        Start();
        WaitUntilReady(readyTimeout);
    }

    public void Stop()
    {
        _process?.Kill();
    }

    public void Dispose()
    {
        _process?.Dispose();
    }

    /// <summary>The last lines of every log file of this server, with headers.</summary>
    public string ReadLogTails(int lines = 30)
    {
        var text = new StringBuilder();
        foreach (string file in LogFiles.Where(File.Exists))
        {
            string[] tail;
            try
            {
                tail = File.ReadAllLines(file).TakeLast(lines).ToArray();
            }
            catch (IOException exception)
            {
                tail = new[] { "(unreadable: " + exception.Message + ")" };
            }

            text.Append("--- ").Append(file).Append('\n');
            foreach (string line in tail)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    public override string ToString() => $"{Name} {Url} ({Kind}, {Encryption})";

    /// <summary>Empty string when ready; otherwise why not.</summary>
    private string Probe(TimeSpan remaining)
    {
        int timeoutMs = (int)Math.Clamp(remaining.TotalMilliseconds, 100, 3000);
        using var client = new TcpClient(Host.Contains(':') ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
        using (var connectTimeout = new CancellationTokenSource(timeoutMs))
        {
            try
            {
                client.ConnectAsync(Host, Port, connectTimeout.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return "connect timed out";
            }
        }

        if (Encryption == LabEncryption.Implicit)
        {
            return string.Empty;
        }

        client.ReceiveTimeout = timeoutMs;
        if (Encryption == LabEncryption.Ssh)
        {
            using NetworkStream ssh = client.GetStream();
            string? banner = new StreamReader(ssh, Encoding.ASCII).ReadLine();
            return banner is not null && banner.StartsWith("SSH-2.0-", StringComparison.Ordinal) ? string.Empty : "no SSH banner yet (" + banner + ")";
        }

        using NetworkStream stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length >= 4 && char.IsAsciiDigit(line[0]) && line[3] == ' ')
            {
                if (line.StartsWith("220 ", StringComparison.Ordinal))
                {
                    stream.Write("QUIT\r\n"u8);
                    return string.Empty;
                }

                throw Failure("greeted with: " + line);
            }
        }

        return "connection closed before a 220 greeting";
    }

    private LabServerStartException Failure(string problem) =>
        new($"lab server {Name} ({Kind} on {UrlHost}:{Port}): {problem}\n{ReadLogTails()}");
}

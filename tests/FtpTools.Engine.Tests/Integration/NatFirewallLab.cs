using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>
/// xunit class fixture: tests/lab/netns.sh up once under a run id of its own (so that runs on one machine never
/// collide), down in Dispose. Before that, netns.sh reap removes the namespaces of earlier runs whose process was
/// killed before its Dispose. Runs FtpTools.NetnsProbe inside the client namespace. Sets nothing up when the tests
/// are skipped.
/// </summary>
public sealed class NatFirewallLab : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(90);

    private readonly string _script = string.Empty;
    private readonly bool _isUpCalled;
    private readonly string _passwordDirectory = string.Empty;
    private readonly IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public NatFirewallLab()
    {
        if (NetnsSkip.Reason() is not null)
        {
            return;
        }

        string repository = ProbeProcess.RepositoryRoot();
        _script = Path.Combine(repository, "tests", "lab", "netns.sh");
        ProbePath = ProbeProcess.FindProbe(repository);
        RunId = NewRunId();
        RunScript("reap");

        try
        {
            _isUpCalled = true;
            RunScript("up", "--owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            _environment = ReadEnvironment(Path.Combine(StateDirectory(RunId), "netns.env"));
            // The probe takes the password from a file, never on its command line; the temp folder is created 0700.
            _passwordDirectory = Directory.CreateTempSubdirectory("ftptools-netns-").FullName;
            PasswordFile = Path.Combine(_passwordDirectory, "password");
            File.WriteAllText(PasswordFile, this["FTT_PASSWORD"]);
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificateFromFile(this["FTT_CERTIFICATE"]);
            CertificateSha256 = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
            IsUp = true;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public bool IsUp { get; }

    /// <summary>This run's id: the namespaces are fttc-ID (client) and ftts-ID (server).</summary>
    public string RunId { get; } = string.Empty;

    public string ClientNamespace => this["FTT_CLIENT_NETNS"];

    public string ProbePath { get; } = string.Empty;

    public string PasswordFile { get; } = string.Empty;

    public string CertificateSha256 { get; } = string.Empty;

    public string PublicAddress => this["FTT_PUBLIC_ADDRESS"];

    public string PrivateAddress => this["FTT_PRIVATE_ADDRESS"];

    public int NatOkPort => int.Parse(this["FTT_NAT_OK_PORT"], CultureInfo.InvariantCulture);

    public int NatBadPort => int.Parse(this["FTT_NAT_BAD_PORT"], CultureInfo.InvariantCulture);

    public int NatTlsPort => int.Parse(this["FTT_NAT_TLS_PORT"], CultureInfo.InvariantCulture);

    /// <summary>A plain server whose passive range the server's firewall drops.</summary>
    public int ClosedPort => int.Parse(this["FTT_CLOSED_PORT"], CultureInfo.InvariantCulture);

    /// <summary>Explicit FTPS, session reuse required, advertising its private address in 227 replies.</summary>
    public int NatTlsPrivatePort => int.Parse(this["FTT_NAT_TLS_PRIVATE_PORT"], CultureInfo.InvariantCulture);

    public int ImplicitPort => int.Parse(this["FTT_IMPLICIT_PORT"], CultureInfo.InvariantCulture);

    public string Ipv6Address => this["FTT_IPV6_ADDRESS"];

    public string ClientIpv6Address => this["FTT_CLIENT_IPV6_ADDRESS"];

    public int Ipv6Port => int.Parse(this["FTT_IPV6_PORT"], CultureInfo.InvariantCulture);

    /// <summary>The server's address that the client reaches from its private address, through its own NAT.</summary>
    public string NattedClientServerAddress => this["FTT_NATTED_CLIENT_SERVER_ADDRESS"];

    public string ClientAddress => this["FTT_CLIENT_ADDRESS"];

    public string ClientPrivateAddress => this["FTT_CLIENT_PRIVATE_ADDRESS"];

    /// <summary>"20000-20099": forwarded by the client's NAT to its private address and open in its firewall.</summary>
    public string ForwardedPorts => this["FTT_FORWARDED_PORTS"];

    /// <summary>A value from netns.env.</summary>
    public string this[string name] =>
        _environment.TryGetValue(name, out string? value) ? value : throw new InvalidOperationException(name + " is not in netns.env (is the namespace lab up?)");

    /// <summary>Runs the probe inside the client namespace against the public address with the lab's user and password file.</summary>
    public ProbeResult Probe(int port, params string[] options) => ProbeHost(PublicAddress, port, options);

    /// <summary>Runs the probe inside the client namespace against host.</summary>
    public ProbeResult ProbeHost(string host, int port, params string[] options)
    {
        if (!IsUp)
        {
            throw new InvalidOperationException("the namespace lab is not up");
        }

        var arguments = new List<string>
        {
            "netns", "exec", ClientNamespace, ProbeProcess.DotnetHost(), ProbePath,
            "--host", host, "--port", port.ToString(CultureInfo.InvariantCulture), "--user", this["FTT_USER"], "--password-file", PasswordFile,
        };
        arguments.AddRange(options);
        var stopwatch = Stopwatch.StartNew();
        (int exitCode, string output, string errors) = ProbeProcess.Run(NetnsSkip.FindExecutable("ip") ?? "ip", arguments, ProbeTimeout);
        return ProbeProcess.ParseResult(exitCode, output, errors, stopwatch.Elapsed);
    }

    /// <summary>Runs action with the client firewall's FTP conntrack helper on, which lets the server's active-mode connection in as RELATED.</summary>
    public void WithClientFtpHelper(Action action)
    {
        string rule = $"-p tcp -m multiport --dports {NatOkPort},{NatBadPort} -j CT --helper ftp";
        ClientIptables("-A", rule);
        try
        {
            action();
        }
        finally
        {
            ClientIptables("-D", rule);
        }
    }

    public void Dispose()
    {
        try
        {
            if (_isUpCalled)
            {
                RunScript("down");
            }
        }
        finally
        {
            if (_passwordDirectory.Length > 0)
            {
                Directory.Delete(_passwordDirectory, recursive: true);
            }
        }
    }

    private void ClientIptables(string action, string rule)
    {
        var arguments = new List<string> { "netns", "exec", ClientNamespace, NetnsSkip.FindExecutable("iptables") ?? "iptables", "-t", "raw", action, "OUTPUT" };
        arguments.AddRange(rule.Split(' '));
        (int exitCode, string output, string errors) = ProbeProcess.Run(NetnsSkip.FindExecutable("ip") ?? "ip", arguments, ScriptTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"iptables {action} in {ClientNamespace} failed (exit {exitCode}): {output}{errors}");
        }
    }

    private void RunScript(string command, params string[] options)
    {
        var arguments = new List<string> { _script, "--id", RunId };
        arguments.AddRange(options);
        arguments.Add(command);
        (int exitCode, string output, string errors) = ProbeProcess.Run("bash", arguments, ScriptTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"netns.sh --id {RunId} {command} failed (exit {exitCode}): {output}{errors}");
        }
    }

    /// <summary>8 random characters of [0-9a-f]: netns.sh allows up to 10, since interface names are limited to 15 (fttc-ID).</summary>
    private static string NewRunId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    /// <summary>Where netns.sh up writes netns.env for a run: $FTPTOOLS_LAB_NETNS_STATE/ID, by default /run/ftptools-lab-netns/ID.</summary>
    private static string StateDirectory(string runId)
    {
        string? stateBase = Environment.GetEnvironmentVariable("FTPTOOLS_LAB_NETNS_STATE");
        return Path.Combine(string.IsNullOrEmpty(stateBase) ? "/run/ftptools-lab-netns" : stateBase, runId);
    }

    private static Dictionary<string, string> ReadEnvironment(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
}

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
/// xunit class fixture: tests/lab/netns.sh up once (after a down if an aborted run left namespaces behind), down in
/// Dispose. Runs FtpTools.NetnsProbe inside the client namespace. Sets nothing up when the tests are skipped.
/// </summary>
public sealed class NatFirewallLab : IDisposable
{
    private const string ClientNamespace = "fttc";
    private const string ServerNamespace = "ftts";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(90);

    private readonly string _script = string.Empty;
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
        if (NamespacesExist())
        {
            RunScript("down");
        }

        try
        {
            RunScript("up");
            _environment = ReadEnvironment(Path.Combine(Environment.GetEnvironmentVariable("FTPTOOLS_LAB_NETNS_STATE") ?? "/run/ftptools-lab-netns", "netns.env"));
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

    public string ProbePath { get; } = string.Empty;

    public string PasswordFile { get; } = string.Empty;

    public string CertificateSha256 { get; } = string.Empty;

    public string PublicAddress => this["FTT_PUBLIC_ADDRESS"];

    public string PrivateAddress => this["FTT_PRIVATE_ADDRESS"];

    public int NatOkPort => int.Parse(this["FTT_NAT_OK_PORT"], CultureInfo.InvariantCulture);

    public int NatBadPort => int.Parse(this["FTT_NAT_BAD_PORT"], CultureInfo.InvariantCulture);

    public int NatTlsPort => int.Parse(this["FTT_NAT_TLS_PORT"], CultureInfo.InvariantCulture);

    /// <summary>A value from netns.env.</summary>
    public string this[string name] =>
        _environment.TryGetValue(name, out string? value) ? value : throw new InvalidOperationException(name + " is not in netns.env (is the namespace lab up?)");

    /// <summary>Runs the probe inside the client namespace against the public address with the lab's user and password file.</summary>
    public ProbeResult Probe(int port, params string[] options)
    {
        if (!IsUp)
        {
            throw new InvalidOperationException("the namespace lab is not up");
        }

        var arguments = new List<string>
        {
            "netns", "exec", ClientNamespace, ProbeProcess.DotnetHost(), ProbePath,
            "--host", PublicAddress, "--port", port.ToString(CultureInfo.InvariantCulture), "--user", this["FTT_USER"], "--password-file", PasswordFile,
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
            if (_script.Length > 0)
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

    private void RunScript(string command)
    {
        (int exitCode, string output, string errors) = ProbeProcess.Run("bash", new[] { _script, command }, ScriptTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"netns.sh {command} failed (exit {exitCode}): {output}{errors}");
        }
    }

    private static bool NamespacesExist()
    {
        (_, string output, _) = ProbeProcess.Run(NetnsSkip.FindExecutable("ip") ?? "ip", new[] { "netns", "list" }, ScriptTimeout);
        return output.Split('\n').Select(line => line.Split(' ')[0]).Any(name => name is ClientNamespace or ServerNamespace);
    }

    private static Dictionary<string, string> ReadEnvironment(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
}

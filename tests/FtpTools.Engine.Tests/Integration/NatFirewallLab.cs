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

        string repository = FindRepositoryRoot();
        _script = Path.Combine(repository, "tests", "lab", "netns.sh");
        ProbePath = FindProbe(repository);
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
            "netns", "exec", ClientNamespace, DotnetHost(), ProbePath,
            "--host", PublicAddress, "--port", port.ToString(CultureInfo.InvariantCulture), "--user", this["FTT_USER"], "--password-file", PasswordFile,
        };
        arguments.AddRange(options);
        var stopwatch = Stopwatch.StartNew();
        (int exitCode, string output, string errors) = Run(NetnsSkip.FindExecutable("ip") ?? "ip", arguments, ProbeTimeout);
        string? line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exitCode != 0 || line is null || !line.StartsWith('{'))
        {
            throw new InvalidOperationException($"the probe failed (exit {exitCode}): {output}{errors}");
        }

        return ProbeResult.Parse(line, stopwatch.Elapsed);
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
        (int exitCode, string output, string errors) = Run(NetnsSkip.FindExecutable("ip") ?? "ip", arguments, ScriptTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"iptables {action} in {ClientNamespace} failed (exit {exitCode}): {output}{errors}");
        }
    }

    private void RunScript(string command)
    {
        (int exitCode, string output, string errors) = Run("bash", new[] { _script, command }, ScriptTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"netns.sh {command} failed (exit {exitCode}): {output}{errors}");
        }
    }

    private static bool NamespacesExist()
    {
        (_, string output, _) = Run(NetnsSkip.FindExecutable("ip") ?? "ip", new[] { "netns", "list" }, ScriptTimeout);
        return output.Split('\n').Select(line => line.Split(' ')[0]).Any(name => name is ClientNamespace or ServerNamespace);
    }

    private static Dictionary<string, string> ReadEnvironment(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tests", "lab", "netns.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("tests/lab/netns.sh not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Next to the test assembly if someone put it there; otherwise in the probe project's output folder for the same
    /// configuration and framework as this assembly (bin/Debug/net10.0 here means bin/Debug/net10.0 there).
    /// </summary>
    private static string FindProbe(string repository)
    {
        const string probeName = "FtpTools.NetnsProbe";
        string beside = Path.Combine(AppContext.BaseDirectory, probeName + ".dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        string testProject = Path.Combine(repository, "tests", typeof(NatFirewallLab).Assembly.GetName().Name!);
        string outputFolder = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        string built = Path.GetFullPath(Path.Combine(repository, "tests", probeName, outputFolder, probeName + ".dll"));
        return File.Exists(built)
            ? built
            : throw new FileNotFoundException($"{probeName}.dll not found beside the tests or at {built}; build {probeName} (the test project references it)");
    }

    /// <summary>The dotnet that runs these tests (the CLI passes it on as DOTNET_HOST_PATH).</summary>
    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static (int ExitCode, string Output, string Errors) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start " + fileName);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result, $"{fileName} timed out after {timeout.TotalSeconds} s\n{errors.Result}");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }
}

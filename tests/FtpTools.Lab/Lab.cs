using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Lab;

/// <summary>
/// A set of real FTP servers on loopback for one test run: a fresh temp folder (configs, logs, one FTP root per
/// server), its own certificate, free control ports and distinct passive ranges. Dispose stops every process.
/// </summary>
public sealed class Lab : IDisposable
{
    /// <summary>
    /// Passive ports per FTP server unless the caller asks for more. vsftpd and proftpd pick a random port of the range for each
    /// data connection; two sessions that pick the same one at once fail one of them (proftpd: "425 Address already in use",
    /// vsftpd: a plain-text "500 OOPS" on a TLS control connection). 32 parallel sessions (tests/Load.Tests.ps1) need hundreds.
    /// </summary>
    public const int DefaultPassivePortCount = 50;

    private readonly List<LabServer> _servers;
    private readonly bool _keepDirectory;

    private Lab(string directory, LabCertificate certificate, LabAccount account, List<LabServer> servers, bool keepDirectory)
    {
        Directory = directory;
        Certificate = certificate;
        Account = account;
        _servers = servers;
        _keepDirectory = keepDirectory;
    }

    /// <summary>Names accepted by <see cref="Start(string[])"/>, in start order.</summary>
    public static IReadOnlyList<string> AllServerNames => LabServerDefinition.AllNames;

    /// <summary>The FTP and FTPS servers of <see cref="AllServerNames"/>.</summary>
    public static IReadOnlyList<string> FtpServerNames => LabServerDefinition.FtpNames;

    /// <summary>The SFTP servers (sshd) of <see cref="AllServerNames"/>.</summary>
    public static IReadOnlyList<string> SftpServerNames => LabServerDefinition.SftpNames;

    public static bool IsInstalled => MissingPrerequisites.Count == 0;

    /// <summary>What is missing for the lab to run (absent binaries, user, PAM file, not root); empty when installed.</summary>
    public static IReadOnlyList<string> MissingPrerequisites => new LabEnvironment().MissingPrerequisites();

    /// <summary>True when CI=true: then a missing lab must fail tests instead of skipping them.</summary>
    public static bool IsCi => new LabEnvironment().IsCi;

    /// <summary>The lab's temp folder (kept after Dispose when FTPTOOLS_LAB_KEEP=1).</summary>
    public string Directory { get; }

    public LabCertificate Certificate { get; }

    public LabAccount Account { get; }

    public IReadOnlyList<LabServer> Servers => _servers;

    public LabServer this[string name] => Server(name);

    public static Lab StartAll(LabEnvironment? environment = null) => Start(AllServerNames, environment);

    public static Lab Start(params string[] serverNames) => Start(serverNames, null);

    /// <summary>Generates configs for the named servers, starts them and waits until all greet.</summary>
    public static Lab Start(IEnumerable<string> serverNames, LabEnvironment? environment = null, int passivePortCount = DefaultPassivePortCount)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the FTP lab runs on Linux only");
        }

        environment ??= new LabEnvironment();
        LabServerDefinition[] definitions = serverNames.Distinct().Select(LabServerDefinition.Get).ToArray();
        IReadOnlyList<string> missing = environment.MissingPrerequisites(definitions.Select(definition => definition.Kind));
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("FTP lab not installed: " + string.Join("; ", missing));
        }

        LabReaper.ReapStale(Path.GetTempPath(), environment);
        DirectoryInfo root = System.IO.Directory.CreateTempSubdirectory(LabReaper.FolderPrefix);
        LabReaper.WriteOwner(root.FullName);
        // Servers switch to the lab user (and proftpd's master to nobody) and must traverse into their folders.
        root.UnixFileMode = Traversable;
        var servers = new List<LabServer>();
        Lab? lab = null;
        try
        {
            LabAccount account = LabAccount.Load(environment);
            LabCertificate certificate = LabCertificate.Create(root.FullName);
            LabFileOwner.Change(certificate.PrivateKeyPath, 0, account.Gid);

            string empty = Path.Combine(root.FullName, "empty");
            System.IO.Directory.CreateDirectory(empty).UnixFileMode = Traversable;

            bool needsHash = definitions.Any(definition => definition.Kind is LabServerKind.Proftpd or LabServerKind.PureFtpd);
            string hash = needsHash ? LabCommand.Sha512Crypt(environment.OpenSsl, account.Password) : string.Empty;

            LabSshClientKeys? sshClientKeys = definitions.Any(definition => definition.Kind == LabServerKind.Sshd)
                ? LabSshClientKeys.Create(Path.Combine(root.FullName, "ssh-client-keys"), environment)
                : null;

            var ports = new LabPortAllocator();
            foreach (LabServerDefinition definition in definitions)
            {
                string serverDirectory = Path.Combine(root.FullName, definition.Name);
                System.IO.Directory.CreateDirectory(serverDirectory).UnixFileMode = Traversable;
                string ftpRoot = Path.Combine(serverDirectory, "root");
                System.IO.Directory.CreateDirectory(ftpRoot).UnixFileMode = Traversable | UnixFileMode.UserWrite;
                LabFileOwner.Change(ftpRoot, account.Uid, account.Gid);

                int port = ports.ControlPort(definition.Addresses);
                if (definition.Kind == LabServerKind.Sshd)
                {
                    var sshPlan = new LabServerPlan(definition, environment, account, hash, certificate, serverDirectory, ftpRoot, empty, port, 0, 0, sshClientKeys);
                    (LabLaunch sshLaunch, LabSshServer ssh) = SshdConfig.Prepare(sshPlan);
                    servers.Add(new LabServer(sshPlan, sshLaunch, ssh));
                    continue;
                }

                (int passiveMin, int passiveMax) = ports.PassiveRange(definition.Addresses, passivePortCount);
                var plan = new LabServerPlan(definition, environment, account, hash, certificate, serverDirectory, ftpRoot, empty, port, passiveMin, passiveMax);
                LabLaunch launch = definition.Kind switch
                {
                    LabServerKind.Vsftpd => VsftpdConfig.Prepare(plan),
                    LabServerKind.Proftpd => ProftpdConfig.Prepare(plan),
                    LabServerKind.PureFtpd => PureFtpdConfig.Prepare(plan),
                    LabServerKind.Pyftpdlib => PyftpdlibConfig.Prepare(plan),
                    _ => throw new InvalidOperationException("unknown server kind " + definition.Kind),
                };
                servers.Add(new LabServer(plan, launch));
            }

            lab = new Lab(root.FullName, certificate, account, servers, Environment.GetEnvironmentVariable("FTPTOOLS_LAB_KEEP") == "1");
            foreach (LabServer server in servers)
            {
                server.Start();
            }

            // They all start at once; waiting one after the other costs only the slowest start-up, and blocking
            // thread-pool threads instead would stall on pool growth inside test hosts.
            DateTime deadline = DateTime.UtcNow.AddSeconds(20);
            var failures = new List<Exception>();
            foreach (LabServer server in servers)
            {
                try
                {
                    server.WaitUntilReady(Max(deadline - DateTime.UtcNow, TimeSpan.FromSeconds(1)));
                }
                catch (LabServerStartException exception)
                {
                    failures.Add(exception);
                }
            }

            if (failures.Count > 0)
            {
                throw new AggregateException(failures);
            }

            return lab;
        }
        catch (Exception exception)
        {
            if (lab is not null)
            {
                lab.Dispose();
            }
            else
            {
                servers.ForEach(server => server.Dispose());
                TryDelete(root.FullName);
            }

            if (exception is AggregateException aggregate)
            {
                throw new LabServerStartException(
                    string.Join("\n", aggregate.Flatten().InnerExceptions.Select(inner => inner.Message)), aggregate);
            }

            throw;
        }
    }

    public LabServer Server(string name) =>
        _servers.FirstOrDefault(server => server.Name == name)
        ?? throw new ArgumentException($"lab server '{name}' is not part of this lab ({string.Join(", ", _servers.Select(server => server.Name))})", nameof(name));

    /// <summary>Stops every server (whole process trees) and deletes the lab folder.</summary>
    public void Dispose()
    {
        foreach (LabServer server in _servers)
        {
            server.Dispose();
        }
        if (!_keepDirectory)
        {
            TryDelete(Directory);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static UnixFileMode Traversable =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

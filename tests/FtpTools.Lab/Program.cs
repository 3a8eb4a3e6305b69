using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;

namespace FtpTools.Lab;

/// <summary>
/// CLI for the Pester tests, the benchmark and the demo:
///   serve (--servers a,b | --all) [--json FILE] [--no-stdin] [--passive-ports N] start, write FILE, print "ready", run until
///                                                               stdin closes (unless --no-stdin) or SIGTERM/SIGINT;
///                                                               "restart NAME PAUSE_MS" on stdin restarts a server
///   list                                                        server names and notes
///   check                                                       missing prerequisites (exit 1 if any)
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: FtpTools.Lab serve (--servers NAME[,NAME...] | --all) [--json FILE] [--no-stdin] [--passive-ports N]
               FtpTools.Lab list
               FtpTools.Lab check
        serve keeps the servers running until stdin reaches end-of-file, or SIGTERM/SIGINT (Ctrl+C);
        with --no-stdin (e.g. started in the background with stdin from /dev/null) only the signals stop it.
        """;

    public static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "serve" => Serve(args.Skip(1).ToArray()),
                "list" => List(),
                "check" => Check(),
                _ => Fail(Usage),
            };
        }
        catch (Exception exception) when (exception is LabServerStartException or InvalidOperationException or ArgumentException or IOException)
        {
            Console.Error.WriteLine("error: " + exception.Message);
            return 1;
        }
    }

    private static int Serve(string[] args)
    {
        var names = new List<string>();
        string? jsonPath = null;
        bool watchStdin = true;
        int passivePorts = Lab.DefaultPassivePortCount;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--servers" when i + 1 < args.Length:
                    names.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--all":
                    names.AddRange(Lab.AllServerNames);
                    break;
                case "--json" when i + 1 < args.Length:
                    jsonPath = Path.GetFullPath(args[++i]);
                    break;
                case "--passive-ports" when i + 1 < args.Length && int.TryParse(args[i + 1], out int count) && count > 0:
                    passivePorts = count;
                    i++;
                    break;
                case "--no-stdin":
                    watchStdin = false;
                    break;
                default:
                    return Fail($"unexpected argument '{args[i]}'\n{Usage}");
            }
        }

        if (names.Count == 0)
        {
            return Fail("no servers given (--servers or --all)\n" + Usage);
        }

        using var stop = new ManualResetEventSlim();
        using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
        using PosixSignalRegistration onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Set(); });
        using PosixSignalRegistration onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => { context.Cancel = true; stop.Set(); });

        using Lab lab = Lab.Start(names, null, passivePorts);
        LabDescription description = LabDescription.Of(lab);
        if (jsonPath is not null)
        {
            description.Write(jsonPath);
        }

        foreach (LabServer server in lab.Servers)
        {
            string detail = server.Ssh is { } ssh
                ? "host keys " + string.Join(' ', ssh.HostKeys.Select(key => key.Fingerprint))
                : $"passive {server.PassivePortMin}-{server.PassivePortMax}";
            Console.Error.WriteLine($"{server.Name,-22} {server.Url,-26} {detail}  {server.ServerDirectory}");
        }

        Console.Error.WriteLine($"user {lab.Account.User} / {lab.Account.Password}; certificate {lab.Certificate.CertificatePath} (SHA-256 {lab.Certificate.Sha256Thumbprint})");
        Console.Out.WriteLine("ready");
        Console.Out.Flush();

        if (watchStdin)
        {
            var stdinWatcher = new Thread(() =>
            {
                using var input = new StreamReader(Console.OpenStandardInput());
                string? line;
                while ((line = input.ReadLine()) != null)
                {
                    RunCommand(lab, line);
                }

                stop.Set();
            })
            { IsBackground = true, Name = "stdin watcher" };
            stdinWatcher.Start();
        }

        stop.Wait();
        Console.Error.WriteLine("stopping");
        if (jsonPath is not null)
        {
            File.Delete(jsonPath);
        }

        return 0;
    }

    /// <summary>
    /// A line on stdin: "restart NAME PAUSE_MS" kills the server NAME (whole process group) and starts it again on the same
    /// port after PAUSE_MS, in the background; when it is ready again "restarted NAME" goes to stderr. Other lines are ignored.
    /// </summary>
    private static void RunCommand(Lab lab, string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 3 || words[0] != "restart" || !int.TryParse(words[2], out int pauseMilliseconds))
        {
            return;
        }

        new Thread(() =>
        {
            try
            {
                lab.Server(words[1]).Restart(TimeSpan.FromMilliseconds(pauseMilliseconds), TimeSpan.FromSeconds(30));
                Console.Error.WriteLine("restarted " + words[1]);
            }
            catch (Exception exception) when (exception is LabServerStartException or ArgumentException or InvalidOperationException)
            {
                Console.Error.WriteLine("restart of " + words[1] + " failed: " + exception.Message);
            }
        })
        { IsBackground = true, Name = "restart " + words[1] }.Start();
    }

    private static int List()
    {
        foreach (LabServerDefinition definition in LabServerDefinition.All)
        {
            Console.Out.WriteLine($"{definition.Name,-22} {definition.Kind,-9} {definition.Encryption,-8} {string.Join(",", definition.Addresses),-15} {definition.Notes}");
        }

        return 0;
    }

    private static int Check()
    {
        IReadOnlyList<string> missing = Lab.MissingPrerequisites;
        foreach (string reason in missing)
        {
            Console.Out.WriteLine(reason);
        }

        Console.Out.WriteLine(missing.Count == 0 ? "FTP lab installed" : "FTP lab NOT installed");
        return missing.Count == 0 ? 0 : 1;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using FtpTools.Engine;

namespace FtpTools.NetnsProbe;

/// <summary>The command line, parsed. Only the password's file is named here; the password itself never is.</summary>
public sealed class ProbeArguments
{
    public const string Usage = """
        usage: FtpTools.NetnsProbe --host HOST --port PORT --user USER --password-file FILE
                                   [--mode Auto|ExtendedPassive|Passive|Active] [--encryption None|Explicit]
                                   [--pin SHA256] [--trust-pasv-address] [--data-timeout-seconds N]
                                   [--active-port-range LOW-HIGH] [--active-external-address IP] [--diagnose]
        --diagnose runs Test-FtpConnection's probe (FtpConnectionProbe) instead of one session; --encryption then limits it.
        """;

    public string Host { get; private set; } = string.Empty;

    public int Port { get; private set; }

    public string User { get; private set; } = string.Empty;

    public string PasswordFile { get; private set; } = string.Empty;

    public FtpDataConnectionMode Mode { get; private set; } = FtpDataConnectionMode.Auto;

    public FtpEncryption Encryption { get; private set; } = FtpEncryption.None;

    public IReadOnlyList<string> Pins => _pins;

    public bool TrustPasvAddress { get; private set; }

    public TimeSpan DataTimeout { get; private set; } = TimeSpan.FromSeconds(10);

    public string? ActivePortRange { get; private set; }

    public IPAddress? ActiveExternalAddress { get; private set; }

    public bool Diagnose { get; private set; }

    /// <summary>Whether --encryption was given (the diagnosis tries every encryption otherwise).</summary>
    public bool EncryptionGiven { get; private set; }

    private static readonly string[] ValuedOptions =
    {
        "--host", "--port", "--user", "--password-file", "--mode", "--encryption", "--pin", "--data-timeout-seconds",
        "--active-port-range", "--active-external-address",
    };

    private readonly List<string> _pins = new();

    /// <exception cref="ArgumentException">an unknown option, a missing value or a missing required option</exception>
    public static ProbeArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new ProbeArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            if (option == "--trust-pasv-address")
            {
                parsed.TrustPasvAddress = true;
                continue;
            }

            if (option == "--diagnose")
            {
                parsed.Diagnose = true;
                continue;
            }

            if (Array.IndexOf(ValuedOptions, option) < 0)
            {
                throw new ArgumentException("unknown option " + option);
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException(option + " needs a value");
            }

            string value = args[++i];
            switch (option)
            {
                case "--host": parsed.Host = value; break;
                case "--port": parsed.Port = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture); break;
                case "--user": parsed.User = value; break;
                case "--password-file": parsed.PasswordFile = value; break;
                case "--mode": parsed.Mode = Enum.Parse<FtpDataConnectionMode>(value, ignoreCase: true); break;
                case "--encryption": parsed.Encryption = Enum.Parse<FtpEncryption>(value, ignoreCase: true); parsed.EncryptionGiven = true; break;
                case "--active-port-range": parsed.ActivePortRange = value; break;
                case "--active-external-address": parsed.ActiveExternalAddress = IPAddress.Parse(value); break;
                case "--pin": parsed._pins.Add(value); break;
                case "--data-timeout-seconds": parsed.DataTimeout = TimeSpan.FromSeconds(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException("unknown option " + option);
            }
        }

        if (parsed.Host.Length == 0 || parsed.Port == 0 || parsed.User.Length == 0 || parsed.PasswordFile.Length == 0)
        {
            throw new ArgumentException("--host, --port, --user and --password-file are required");
        }

        return parsed;
    }
}

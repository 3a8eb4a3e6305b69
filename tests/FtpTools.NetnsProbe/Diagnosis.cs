using System;
using System.IO;
using System.Net;
using System.Threading;
using FtpTools.Engine.Diagnostics;

namespace FtpTools.NetnsProbe;

/// <summary>--diagnose: Test-FtpConnection's engine probe with the command line's host, port, credential and limits.</summary>
public static class Diagnosis
{
    public static ConnectionProbeReport Run(ProbeArguments arguments)
    {
        var options = new ConnectionProbeOptions(arguments.Host)
        {
            Port = arguments.Port,
            Credential = new NetworkCredential(arguments.User, File.ReadAllText(arguments.PasswordFile).TrimEnd('\r', '\n')),
            Encryption = arguments.EncryptionGiven ? arguments.Encryption : null,
            AttemptTimeout = arguments.DataTimeout,
            ActiveExternalAddress = arguments.ActiveExternalAddress,
        };
        if (arguments.ActivePortRange is not null)
        {
            var range = FtpTools.Engine.Planning.ActivePortRange.Parse(arguments.ActivePortRange);
            options.ActivePortMin = range.Low;
            options.ActivePortMax = range.High;
        }

        foreach (string pin in arguments.Pins)
        {
            options.PinnedCertificateThumbprints.Add(pin);
        }

        return new FtpConnectionProbe(options).Run(CancellationToken.None);
    }
}

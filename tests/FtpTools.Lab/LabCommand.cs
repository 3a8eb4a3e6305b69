using System;

namespace FtpTools.Lab;

/// <summary>Runs a short helper command (openssl, pure-pw) to completion.</summary>
internal static class LabCommand
{
    public static string Run(string fileName, string? standardInput, params string[] arguments)
    {
        var result = ExternalProcess.Run(fileName, arguments, TimeSpan.FromSeconds(30), standardInput);
        if (result.TimedOut)
        {
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish");
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.Errors}{result.Output}");
        }

        return result.Output;
    }

    /// <summary>SHA-512 crypt ($6$) hash, understood by proftpd's AuthUserFile and pure-ftpd's PureDB.</summary>
    public static string Sha512Crypt(string openSsl, string password) =>
        Run(openSsl, password, "passwd", "-6", "-stdin").Trim();
}

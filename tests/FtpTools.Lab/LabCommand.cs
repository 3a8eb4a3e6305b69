using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace FtpTools.Lab;

/// <summary>Runs a short helper command (openssl, pure-pw) to completion.</summary>
internal static class LabCommand
{
    public static string Run(string fileName, string? standardInput, params string[] arguments)
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
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(standardInput ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {errors.Result}{output.Result}");
        }

        return output.Result;
    }

    /// <summary>SHA-512 crypt ($6$) hash, understood by proftpd's AuthUserFile and pure-ftpd's PureDB.</summary>
    public static string Sha512Crypt(string openSsl, string password) =>
        Run(openSsl, password, "passwd", "-6", "-stdin").Trim();
}

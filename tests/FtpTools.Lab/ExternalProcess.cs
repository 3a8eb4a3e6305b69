using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace FtpTools.Lab;

/// <summary>What a finished (or timed-out) external command printed.</summary>
public sealed record ExternalProcessResult(int ExitCode, string Output, string Errors, bool TimedOut);

/// <summary>Runs an external command to completion (openssl, pure-pw, curl, lftp, the engine probe, netns.sh), killing it after a timeout.</summary>
public static class ExternalProcess
{
    public static ExternalProcessResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null)
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

        if (environment != null)
        {
            foreach (var variable in environment)
            {
                startInfo.Environment[variable.Key] = variable.Value;
            }
        }

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start " + fileName);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(standardInput ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ExternalProcessResult(-1, output.Result, $"{fileName} timed out after {timeout.TotalSeconds} s\n{errors.Result}", true);
        }

        return new ExternalProcessResult(process.ExitCode, output.Result, errors.Result, false);
    }
}

using System;
using System.Collections.Generic;

namespace FtpTools.Engine.Tests.Lab;

/// <summary>Runs curl/lftp for the lab smoke tests.</summary>
internal static class ExternalTool
{
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var result = FtpTools.Lab.ExternalProcess.Run(fileName, arguments, timeout);
        return (result.ExitCode, result.Errors + result.Output);
    }
}

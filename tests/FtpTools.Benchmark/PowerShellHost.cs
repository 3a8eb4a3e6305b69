using System;
using System.IO;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>
/// Where the cmdlet tools find PowerShell and the module. The pwsh of `dotnet tool install --global` is a shim that
/// starts pwsh in a second process, so the children run $PSHOME/pwsh (the apphost itself): GNU time and /proc/self
/// then measure the PowerShell process that imports the module, not a launcher.
/// </summary>
internal sealed record PowerShellHost(string Program, string Version, string ModuleManifest)
{
    private static readonly string[] Candidates =
    {
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "pwsh"),
        "/usr/bin/pwsh",
        "/opt/microsoft/powershell/7/pwsh",
    };

    /// <summary>
    /// Null with a reason when there is no pwsh or no built module (then the cmdlet tools cannot run). moduleManifest:
    /// --module, another build of the module (e.g. a branch built elsewhere); default out/FtpTools in this repository.
    /// </summary>
    public static (PowerShellHost? Host, string? Problem) Find(string? moduleManifest)
    {
        string? launcher = Candidates.FirstOrDefault(File.Exists);
        if (launcher is null)
        {
            return (null, "no pwsh found (" + string.Join(", ", Candidates) + "); see tests/tools/pwsh.sh");
        }

        string[] answer = MachineDescription.OutputLines(launcher, "-NoProfile", "-NonInteractive", "-Command", "$PSHOME; $PSVersionTable.PSVersion.ToString()");
        string? home = answer.FirstOrDefault(Directory.Exists);
        string program = home is not null && File.Exists(Path.Combine(home, "pwsh")) ? Path.Combine(home, "pwsh") : launcher;
        string version = answer.Length > 1 ? answer[^1] : "unknown";

        string? root = RepositoryRoot();
        string manifest = moduleManifest is not null ? Path.GetFullPath(moduleManifest)
            : root is null ? "out/FtpTools/FtpTools.psd1" : Path.Combine(root, "out", "FtpTools", "FtpTools.psd1");
        return File.Exists(manifest)
            ? (new PowerShellHost(program, version, manifest), null)
            : (null, manifest + " is missing: build the module first (dotnet build src/FtpTools.sln -c Release)");
    }

    /// <summary>The folder above this program that holds src/FtpTools.sln (the worktree the program was built in).</summary>
    private static string? RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "src", "FtpTools.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}

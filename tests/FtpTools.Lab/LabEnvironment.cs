using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Lab;

/// <summary>
/// Where tests/lab/install.sh put things, and what is missing. Defaults match install.sh;
/// FTPTOOLS_LAB_CACHE / FTPTOOLS_LAB_ROOT override them the same way for both.
/// </summary>
public sealed class LabEnvironment
{
    public const string UserName = "ftptest";
    public const string PamServiceName = "ftptools-lab";

    private readonly Func<string, string?> _getVariable;

    public LabEnvironment()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public LabEnvironment(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
        CacheDirectory = NonEmpty(getVariable("FTPTOOLS_LAB_CACHE")) ?? "/var/cache/ftptools-lab";
        UnpackedRoot = NonEmpty(getVariable("FTPTOOLS_LAB_ROOT")) ?? Path.Combine(CacheDirectory, "root");
    }

    /// <summary>True when the CI variable is "true" (GitHub Actions, GitLab, ...): lab tests must then fail, not skip.</summary>
    public bool IsCi => _getVariable("CI") == "true";

    public string CacheDirectory { get; }

    /// <summary>Where proftpd and pure-ftpd were unpacked with dpkg -x.</summary>
    public string UnpackedRoot { get; }

    public string PasswordFile => Path.Combine(CacheDirectory, "password");

    public string Vsftpd => "/usr/sbin/vsftpd";

    public string Proftpd => Path.Combine(UnpackedRoot, "usr/sbin/proftpd");

    public string ProftpdModules => Path.Combine(UnpackedRoot, "usr/lib/proftpd");

    public string PureFtpd => Path.Combine(UnpackedRoot, "usr/sbin/pure-ftpd");

    public string PurePw => Path.Combine(UnpackedRoot, "usr/bin/pure-pw");

    /// <summary>Debian's python, not a pyenv/venv one that may come first in PATH.</summary>
    public string Python => "/usr/bin/python3";

    public string PyftpdlibPackage => "/usr/lib/python3/dist-packages/pyftpdlib";

    public string OpenSsl => "/usr/bin/openssl";

    public string Setsid => "/usr/bin/setsid";

    public string Setpriv => "/usr/bin/setpriv";

    public string Curl => "/usr/bin/curl";

    public string PamServiceFile => Path.Combine("/etc/pam.d", PamServiceName);

    public string Sshd => "/usr/sbin/sshd";

    /// <summary>sshd's own PAM service (from openssh-server), used for password and keyboard-interactive logins.</summary>
    public string SshdPamFile => "/etc/pam.d/sshd";

    public string SshKeygen => "/usr/bin/ssh-keygen";

    /// <summary>From putty-tools: writes the lab's PuTTY (.ppk) client keys.</summary>
    public string Puttygen => "/usr/bin/puttygen";

    /// <summary>OpenSSH's sftp client, the reference client of the smoke tests.</summary>
    public string SftpClient => "/usr/bin/sftp";

    /// <summary>Everything any lab server needs that is absent, as human-readable reasons (empty when installed).</summary>
    public IReadOnlyList<string> MissingPrerequisites() =>
        MissingPrerequisites(Enum.GetValues<LabServerKind>());

    public IReadOnlyList<string> MissingPrerequisites(IEnumerable<LabServerKind> kinds)
    {
        var missing = new List<string>();
        if (!OperatingSystem.IsLinux())
        {
            missing.Add("the FTP lab runs on Linux (Debian 12) only");
            return missing;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            missing.Add("the FTP lab must run as root (servers bind, chroot and switch users)");
        }

        var files = new List<string> { OpenSsl, Setsid, Curl, PasswordFile };
        foreach (LabServerKind kind in kinds.Distinct())
        {
            files.AddRange(kind switch
            {
                LabServerKind.Vsftpd => new[] { Vsftpd, PamServiceFile },
                LabServerKind.Proftpd => new[]
                {
                    Proftpd,
                    Path.Combine(ProftpdModules, "mod_tls.so"),
                    Path.Combine(ProftpdModules, "mod_digest.so"),
                },
                LabServerKind.PureFtpd => new[] { PureFtpd, PurePw },
                LabServerKind.Pyftpdlib => new[] { Python, Setpriv, PyftpdlibPackage },
                LabServerKind.Sshd => new[] { Sshd, SshdPamFile, SshKeygen, Puttygen, SftpClient },
                _ => throw new ArgumentOutOfRangeException(nameof(kinds), kind, null),
            });
        }

        missing.AddRange(files.Distinct().Where(path => !File.Exists(path) && !Directory.Exists(path)).Select(path => "missing " + path));
        if (LabAccount.FindUnixUser(UserName) is not { } user)
        {
            missing.Add("missing Unix user " + UserName);
        }
        else if (!Directory.Exists(user.Home))
        {
            // vsftpd changes into the home directory before local_root and refuses the login without it.
            missing.Add($"missing home directory {user.Home} of {UserName}");
        }

        if (missing.Count > 0)
        {
            missing.Add("run tests/lab/install.sh as root");
        }

        return missing;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

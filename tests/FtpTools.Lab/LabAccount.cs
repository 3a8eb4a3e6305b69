using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FtpTools.Lab;

/// <summary>The FTP login shared by all lab servers: the Unix user created by install.sh.</summary>
public sealed record LabAccount(string User, string Password, int Uid, int Gid)
{
    public static LabAccount Load(LabEnvironment environment)
    {
        (int uid, int gid, _) = FindUnixUser(LabEnvironment.UserName)
            ?? throw new InvalidOperationException($"Unix user {LabEnvironment.UserName} not found; run tests/lab/install.sh");
        string password = File.ReadAllText(environment.PasswordFile).Trim();
        return new LabAccount(LabEnvironment.UserName, password, uid, gid);
    }

    internal static (int Uid, int Gid, string Home)? FindUnixUser(string user)
    {
        if (!File.Exists("/etc/passwd"))
        {
            return null;
        }

        string[]? fields = File.ReadLines("/etc/passwd")
            .Select(line => line.Split(':'))
            .FirstOrDefault(parts => parts.Length >= 6 && parts[0] == user);
        return fields is null
            ? null
            : (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture), fields[5]);
    }
}

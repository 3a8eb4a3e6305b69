namespace FtpTools.Lab;

public static class LabSkip
{
    /// <summary>Null when lab tests must run (lab installed, or CI=true); otherwise why they are skipped.</summary>
    public static string? Reason(LabEnvironment environment)
    {
        if (environment.IsCi)
        {
            return null;
        }

        var missing = environment.MissingPrerequisites();
        return missing.Count == 0 ? null : "FTP lab not installed: " + string.Join("; ", missing);
    }
}

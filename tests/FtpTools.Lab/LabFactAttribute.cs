using Xunit;

namespace FtpTools.Lab;

/// <summary>
/// A fact that needs the FTP lab. Skipped with the missing prerequisites as reason when the lab is not installed,
/// except under CI (CI=true), where the test runs and fails. xunit v2 has no dynamic skip, so this is decided
/// when the attribute is constructed.
/// </summary>
public sealed class LabFactAttribute : FactAttribute
{
    public LabFactAttribute()
    {
        Skip = LabSkip.Reason(new LabEnvironment());
    }
}

using Xunit;

namespace FtpTools.Lab;

/// <summary>Theory counterpart of <see cref="LabFactAttribute"/>.</summary>
public sealed class LabTheoryAttribute : TheoryAttribute
{
    public LabTheoryAttribute()
    {
        Skip = LabSkip.Reason(new LabEnvironment());
    }
}

using Xunit;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>Theory counterpart of <see cref="NetnsFactAttribute"/>.</summary>
public sealed class NetnsTheoryAttribute : TheoryAttribute
{
    public NetnsTheoryAttribute()
    {
        Skip = NetnsSkip.Reason();
    }
}

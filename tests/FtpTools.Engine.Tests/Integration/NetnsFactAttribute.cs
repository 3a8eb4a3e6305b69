using Xunit;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>A fact that needs tests/lab/netns.sh; skipped with the reason when it cannot run (see <see cref="NetnsSkip"/>).</summary>
public sealed class NetnsFactAttribute : FactAttribute
{
    public NetnsFactAttribute()
    {
        Skip = NetnsSkip.Reason();
    }
}

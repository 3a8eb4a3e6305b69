using Xunit;

namespace FtpTools.Engine.Tests.Measuring;

/// <summary>
/// Tests that measure the process's managed memory (GC.GetTotalMemory is process-wide): xunit runs this collection after the
/// parallel ones and alone, so no other test's allocations enter the figure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}

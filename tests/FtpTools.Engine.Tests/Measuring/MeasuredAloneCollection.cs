using Xunit;

namespace FtpTools.Engine.Tests.Measuring;

/// <summary>
/// Tests that measure the process's memory (GC.GetTotalMemory and the working set are process-wide) or load the machine
/// (32 sessions at once would stretch the timing bounds of tests beside them): xunit runs this collection after the
/// parallel ones and alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}

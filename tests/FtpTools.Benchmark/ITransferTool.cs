using System.Collections.Generic;

namespace FtpTools.Benchmark;

internal interface ITransferTool
{
    string Name { get; }

    /// <summary>Runs the plan's transfer once; for trees only <paramref name="treeFiles"/> (all of them, or the ones a previous attempt missed).</summary>
    ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles);
}

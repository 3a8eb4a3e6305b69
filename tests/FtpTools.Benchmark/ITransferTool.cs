using System.Collections.Generic;

namespace FtpTools.Benchmark;

internal interface ITransferTool
{
    string Name { get; }

    /// <summary>Whether this tool takes part in the scenario (FTP tools in FTP scenarios, SFTP tools in SFTP ones).</summary>
    bool Handles(Scenario scenario);

    /// <summary>Runs the plan's transfer once; for trees only <paramref name="treeFiles"/> (all of them, or the ones a previous attempt missed).</summary>
    ToolAttempt Run(TransferPlan plan, IReadOnlyList<string> treeFiles);
}

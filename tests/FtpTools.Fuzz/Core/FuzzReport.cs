using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Fuzz
{
    /// <summary>What one fuzz run of one parser found.</summary>
    public sealed class FuzzReport
    {
        public FuzzReport(string target) => Target = target;

        public string Target { get; }

        public long Inputs { get; set; }

        /// <summary>Exception type name to count, documented and undocumented alike.</summary>
        public SortedDictionary<string, long> Exceptions { get; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

        public long UndocumentedExceptions { get; set; }

        /// <summary>The first input that threw an undocumented exception, and the exception.</summary>
        public string? FirstFailure { get; set; }

        public TimeSpan MaxInputTime { get; set; }

        public int SlowestInputLength { get; set; }

        /// <summary>A single input exceeded the time budget (or never finished: Hung).</summary>
        public bool OverBudget { get; set; }

        public bool Hung { get; set; }

        public long PeakManagedBytes { get; set; }

        /// <summary>Managed memory still in use after the run and a full collection, minus before it.</summary>
        public long RetainedGrowthBytes { get; set; }

        public bool MemoryUnbounded { get; set; }

        public TimeSpan Elapsed { get; set; }

        public bool Passed => UndocumentedExceptions == 0 && !OverBudget && !Hung && !MemoryUnbounded;

        public string ExceptionSummary => Exceptions.Count == 0 ? "none" : string.Join(", ", Exceptions.Select(pair => pair.Key + " " + pair.Value));

        public override string ToString() =>
            Target + ": " + Inputs + " inputs in " + Elapsed.TotalSeconds.ToString("F1") + " s, exceptions: " + ExceptionSummary + ", max " + MaxInputTime.TotalMilliseconds.ToString("F2")
            + " ms for one input (" + SlowestInputLength + " chars), peak managed " + (PeakManagedBytes / (1024.0 * 1024)).ToString("F1") + " MiB, retained growth "
            + (RetainedGrowthBytes / 1024.0).ToString("F0") + " KiB" + (Passed ? string.Empty : " FAILED" + (FirstFailure is null ? string.Empty : ": " + FirstFailure))
            + (Hung ? " (hung)" : string.Empty) + (OverBudget ? " (over time budget)" : string.Empty) + (MemoryUnbounded ? " (memory unbounded)" : string.Empty);
    }
}

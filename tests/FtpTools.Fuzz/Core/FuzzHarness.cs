using System;
using System.Diagnostics;
using System.Threading;

namespace FtpTools.Fuzz
{
    /// <summary>
    /// Feeds a target its generated inputs, deterministically for a seed. The inputs run on a thread of their own so a
    /// parser that never returns is reported as a hang instead of hanging the run.
    /// </summary>
    public static class FuzzHarness
    {
        public static readonly TimeSpan DefaultInputBudget = TimeSpan.FromSeconds(1);

        /// <summary>Managed memory that may stay in use after a run; more means the parser keeps what it was fed.</summary>
        public const long RetainedGrowthLimit = 32L * 1024 * 1024;

        public const long PeakLimit = 1024L * 1024 * 1024;

        /// <param name="hangLimit">how long one input may run before the run is reported as hung (default: ten budgets, at least 10 s)</param>
        public static FuzzReport Run(FuzzTarget target, long inputs, int seed, TimeSpan inputBudget, TimeSpan? hangLimit = null)
        {
            var report = new FuzzReport(target.Name);
            var random = new Random(seed ^ StableHash(target.Name));
            var baseline = GC.GetTotalMemory(true);
            long inputStarted = 0;
            string? currentInput = null;
            var finished = false;
            var total = Stopwatch.StartNew();

            var worker = new Thread(() =>
            {
                long maxTicks = 0;
                for (long i = 0; i < inputs; i++)
                {
                    var input = target.NextInput(random);
                    Volatile.Write(ref currentInput, input);
                    var started = Stopwatch.GetTimestamp();
                    Volatile.Write(ref inputStarted, started);
                    try
                    {
                        target.Run(input);
                    }
                    catch (Exception exception)
                    {
                        Record(report, target, input, exception);
                    }

                    var ticks = Stopwatch.GetTimestamp() - started;
                    if (ticks > maxTicks)
                    {
                        maxTicks = ticks;
                        report.MaxInputTime = TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
                        report.SlowestInputLength = input.Length;
                    }

                    report.Inputs = i + 1;
                    if ((i & 1023) == 0) report.PeakManagedBytes = Math.Max(report.PeakManagedBytes, GC.GetTotalMemory(false));
                }

                Volatile.Write(ref finished, true);
            }, 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz-" + target.Name };

            worker.Start();
            var limit = hangLimit ?? TimeSpan.FromTicks(Math.Max(inputBudget.Ticks * 10, TimeSpan.FromSeconds(10).Ticks));
            while (!worker.Join(100))
            {
                var started = Volatile.Read(ref inputStarted);
                if (started == 0 || Volatile.Read(ref finished)) continue;
                var running = TimeSpan.FromSeconds((double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency);
                if (running < limit) continue;
                report.Hung = true;
                report.FirstFailure ??= "no result after " + running.TotalSeconds.ToString("F0") + " s for input " + Describe(Volatile.Read(ref currentInput) ?? string.Empty);
                break; // the worker is a background thread; it is abandoned
            }

            report.Elapsed = total.Elapsed;
            report.OverBudget = report.MaxInputTime > inputBudget;
            if (!report.Hung)
            {
                report.RetainedGrowthBytes = Math.Max(0, GC.GetTotalMemory(true) - baseline);
                report.MemoryUnbounded = report.RetainedGrowthBytes > RetainedGrowthLimit || report.PeakManagedBytes > PeakLimit;
            }

            return report;
        }

        /// <summary>The input as C# would write it, cut to 200 characters, so a failure can be turned into a regression test.</summary>
        public static string Describe(string input)
        {
            var builder = new System.Text.StringBuilder("\"");
            foreach (var c in input.Length > 200 ? input.Substring(0, 200) : input)
            {
                if (c == '"' || c == '\\') builder.Append('\\').Append(c);
                else if (c < 0x20 || c > 0x7e) builder.Append("\\u").Append(((int)c).ToString("x4"));
                else builder.Append(c);
            }

            return builder.Append('"').Append(input.Length > 200 ? " (" + input.Length + " chars)" : string.Empty).ToString();
        }

        private static void Record(FuzzReport report, FuzzTarget target, string input, Exception exception)
        {
            var name = exception.GetType().Name;
            report.Exceptions[name] = report.Exceptions.TryGetValue(name, out var count) ? count + 1 : 1;
            if (target.IsDocumented(exception)) return;
            report.UndocumentedExceptions++;
            report.FirstFailure ??= name + " (" + exception.Message + ") for input " + Describe(input) + Environment.NewLine + exception.StackTrace;
        }

        /// <summary>string.GetHashCode differs between processes; the seed must not.</summary>
        private static int StableHash(string text)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var c in text) hash = (hash ^ c) * 16777619;
                return hash;
            }
        }
    }
}

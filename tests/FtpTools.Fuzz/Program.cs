using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FtpTools.Fuzz
{
    /// <summary>
    /// Fuzzes every parser of server input. Exit code 0 when no parser threw an exception outside its contract, none took
    /// longer than the budget for one input, and managed memory stayed bounded; 1 otherwise; 2 for bad arguments.
    ///   dotnet run -c Release --project tests/FtpTools.Fuzz -- --inputs-per-parser 1000000 --seed 1 [--parser unix-list] [--budget-ms 1000]
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            long inputs = 1_000_000;
            var seed = 1;
            var budget = FuzzHarness.DefaultInputBudget;
            var names = new List<string>();
            try
            {
                for (var i = 0; i < args.Length; i++)
                {
                    switch (args[i])
                    {
                        case "--inputs-per-parser": inputs = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                        case "--budget-ms": budget = TimeSpan.FromMilliseconds(int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                        case "--parser": names.Add(args[++i]); break;
                        default: throw new ArgumentException("Unknown argument " + args[i] + ".");
                    }
                }

                var targets = names.Count == 0 ? FuzzTargets.All : names.Select(FuzzTargets.Find).ToList();
                Console.WriteLine("Fuzzing " + targets.Count + " parsers, " + inputs + " inputs each, seed " + seed + ", budget " + budget.TotalMilliseconds + " ms per input, "
                    + Environment.ProcessorCount + " CPUs, .NET " + Environment.Version);
                var failed = 0;
                foreach (var target in targets)
                {
                    var report = FuzzHarness.Run(target, inputs, seed, budget);
                    Console.WriteLine(report);
                    if (!report.Passed) failed++;
                    if (report.Hung) break; // the abandoned thread still runs
                }

                Console.WriteLine(failed == 0 ? "PASS" : "FAIL: " + failed + " parser(s)");
                Console.WriteLine("Process peak working set " + (System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)) + " MiB");
                return failed == 0 ? 0 : 1;
            }
            catch (Exception exception) when (exception is ArgumentException || exception is FormatException || exception is IndexOutOfRangeException || exception is OverflowException)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }
        }
    }
}

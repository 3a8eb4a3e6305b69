using System;
using System.IO;
using System.Text;

namespace FtpTools.HelpBuilder
{
    /// <summary>
    /// dotnet run --project src/FtpTools.HelpBuilder -- &lt;repoRoot&gt; [--output &lt;file&gt;] [--check]
    /// Reads &lt;repoRoot&gt;/en-US/help/*.md and writes &lt;repoRoot&gt;/en-US/FtpTools.dll-Help.xml (or --output).
    /// --check writes nothing and fails when the existing file differs from what the sources produce.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string? root = null;
            string? output = null;
            var check = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--output":
                        if (i + 1 >= args.Length) return Usage("--output needs a file name.");
                        output = args[++i];
                        break;
                    case "--check":
                        check = true;
                        break;
                    case "-h":
                    case "--help":
                        return Usage(null);
                    default:
                        if (args[i].StartsWith("-", StringComparison.Ordinal) || root != null) return Usage("Unexpected argument '" + args[i] + "'.");
                        root = args[i];
                        break;
                }
            }

            if (root is null) return Usage("The repository root is required.");
            try
            {
                var result = HelpGenerator.Generate(Path.GetFullPath(root));
                var target = output ?? Path.Combine(Path.GetFullPath(root), "en-US", result.Key);
                if (check)
                {
                    var existing = File.Exists(target) ? HelpGenerator.NormalizeLineEnds(File.ReadAllText(target, Encoding.UTF8)) : null;
                    if (existing != result.Value)
                    {
                        Console.Error.WriteLine(target + " is out of date: run 'dotnet run --project src/FtpTools.HelpBuilder -- <repoRoot>' and commit it.");
                        return 1;
                    }

                    Console.WriteLine(target + " is up to date.");
                    return 0;
                }

                var directory = Path.GetDirectoryName(Path.GetFullPath(target));
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                File.WriteAllText(target, result.Value, new UTF8Encoding(false));
                Console.WriteLine("Wrote " + target);
                return 0;
            }
            catch (AggregateException e)
            {
                foreach (var inner in e.InnerExceptions) Console.Error.WriteLine("error: " + inner.Message);
                return 1;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 1;
            }
        }

        private static int Usage(string? error)
        {
            if (error != null) Console.Error.WriteLine("error: " + error);
            Console.Error.WriteLine("usage: FtpTools.HelpBuilder <repoRoot> [--output <file>] [--check]");
            return error is null ? 0 : 2;
        }
    }
}

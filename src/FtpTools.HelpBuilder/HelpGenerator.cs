using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.HelpBuilder
{
    /// <summary>Turns en-US/help/*.md of a repository into the MAML file named by their "external help file".</summary>
    public static class HelpGenerator
    {
        public static string HelpSourceDirectory(string repoRoot) => Path.Combine(repoRoot, "en-US", "help");

        /// <summary>Parses every markdown file; throws an AggregateException of HelpFormatException when any is malformed.</summary>
        public static IReadOnlyList<CommandHelp> ReadAll(string repoRoot)
        {
            var directory = HelpSourceDirectory(repoRoot);
            if (!Directory.Exists(directory)) throw new DirectoryNotFoundException("No help sources: '" + directory + "' does not exist.");
            var files = Directory.GetFiles(directory, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new FileNotFoundException("No *.md help sources in '" + directory + "'.");
            var commands = new List<CommandHelp>();
            var errors = new List<Exception>();
            foreach (var file in files)
            {
                try
                {
                    commands.Add(MarkdownHelpParser.ParseFile(file));
                }
                catch (HelpFormatException e)
                {
                    errors.Add(e);
                }
            }

            var helpFiles = commands.Select(c => c.Metadata["external help file"]).Distinct(StringComparer.Ordinal).ToList();
            if (helpFiles.Count > 1) errors.Add(new InvalidDataException("The help files name different external help files: " + string.Join(", ", helpFiles)));
            if (errors.Count > 0) throw new AggregateException("Malformed help sources.", errors);
            return commands;
        }

        /// <summary>The output file name (from the front matter) and the MAML text.</summary>
        public static KeyValuePair<string, string> Generate(string repoRoot)
        {
            var commands = ReadAll(repoRoot);
            return new KeyValuePair<string, string>(commands[0].Metadata["external help file"], MamlWriter.Write(commands));
        }

        public static string NormalizeLineEnds(string text) => text.Replace("\r\n", "\n");
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace FtpTools.HelpBuilder
{
    /// <summary>A markdown help file that does not follow the platyPS schema 2.0.0 layout.</summary>
    public sealed class HelpFormatException : Exception
    {
        public HelpFormatException(string file, int line, string message)
            : base(string.Format(CultureInfo.InvariantCulture, "{0}({1}): {2}", file, line, message))
        {
            File = file;
            Line = line;
        }

        public string File { get; }

        public int Line { get; }
    }

    /// <summary>Reads one cmdlet help file in platyPS markdown (schema 2.0.0).</summary>
    public static class MarkdownHelpParser
    {
        private static readonly string[] RequiredSections =
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        private static readonly string[] RequiredYamlKeys =
        {
            "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters",
        };

        private static readonly Regex CommandName = new Regex(@"^[A-Z][A-Za-z]+-[A-Z][A-Za-z0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex ExampleTitle = new Regex(@"^Example \d+: \S.*$", RegexOptions.CultureInvariant);
        private static readonly Regex SyntaxParameter = new Regex(@"(?<![\w-])-([A-Za-z][A-Za-z0-9]*)", RegexOptions.CultureInvariant);
        private static readonly Regex Link = new Regex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)\)$", RegexOptions.CultureInvariant);
        private static readonly Regex PipelineInput = new Regex(@"^(False|True \((ByValue|ByPropertyName)(, (ByValue|ByPropertyName))?\))$", RegexOptions.CultureInvariant);

        public static CommandHelp ParseFile(string path)
        {
            var text = System.IO.File.ReadAllText(path, Encoding.UTF8);
            return Parse(Path.GetFileName(path), text, Path.GetFileNameWithoutExtension(path));
        }

        public static CommandHelp Parse(string fileName, string text, string? expectedName = null)
        {
            var lines = ToLines(fileName, text);
            var index = 0;
            var metadata = ReadFrontMatter(fileName, lines, ref index);

            while (index < lines.Count && lines[index].Text.Trim().Length == 0) index++;
            if (index >= lines.Count || !lines[index].Text.StartsWith("# ", StringComparison.Ordinal))
                throw Error(fileName, index < lines.Count ? lines[index] : null, "expected the '# Verb-Noun' title after the front matter");
            var name = lines[index].Text.Substring(2).Trim();
            if (!CommandName.IsMatch(name)) throw Error(fileName, lines[index], "the title '" + name + "' is not a Verb-Noun command name");
            if (expectedName != null && !string.Equals(expectedName, name, StringComparison.Ordinal))
                throw Error(fileName, lines[index], "the title '" + name + "' does not match the file name '" + expectedName + ".md'");
            var help = new CommandHelp(name);
            foreach (var pair in metadata) help.Metadata[pair.Key] = pair.Value;
            index++;

            var sections = Split(lines.Skip(index).ToList(), "## ");
            if (sections.Preamble.Any(l => l.Text.Trim().Length > 0))
                throw Error(fileName, sections.Preamble.First(l => l.Text.Trim().Length > 0), "text between the title and '## SYNOPSIS'");
            var names = sections.Parts.Select(p => p.Title).ToList();
            if (!names.SequenceEqual(RequiredSections, StringComparer.Ordinal))
                throw Error(fileName, sections.Parts.Count > 0 ? sections.Parts[0].Heading : null,
                    "the sections must be exactly, in this order: " + string.Join(", ", RequiredSections) + "; found: " + string.Join(", ", names));
            var byName = sections.Parts.ToDictionary(p => p.Title, StringComparer.Ordinal);

            help.Synopsis.AddRange(Paragraphs(byName["SYNOPSIS"].Body));
            if (help.Synopsis.Count == 0) throw Error(fileName, byName["SYNOPSIS"].Heading, "SYNOPSIS is empty");
            help.Description.AddRange(Paragraphs(byName["DESCRIPTION"].Body));
            if (help.Description.Count == 0) throw Error(fileName, byName["DESCRIPTION"].Heading, "DESCRIPTION is empty");

            ReadSyntax(fileName, help, byName["SYNTAX"]);
            ReadExamples(fileName, help, byName["EXAMPLES"]);
            ReadParameters(fileName, help, byName["PARAMETERS"]);
            ReadTypes(fileName, help.Inputs, byName["INPUTS"]);
            ReadTypes(fileName, help.Outputs, byName["OUTPUTS"]);
            help.Notes.AddRange(Paragraphs(byName["NOTES"].Body));
            ReadLinks(fileName, help, byName["RELATED LINKS"]);
            CrossCheck(fileName, help, byName["SYNTAX"].Heading);
            return help;
        }

        private static Dictionary<string, string> ReadFrontMatter(string fileName, List<Line> lines, ref int index)
        {
            if (lines.Count == 0 || lines[0].Text != "---") throw Error(fileName, lines.Count > 0 ? lines[0] : null, "the file must start with a '---' YAML front matter");
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            index = 1;
            while (index < lines.Count && lines[index].Text != "---")
            {
                var line = lines[index];
                if (line.Text.Trim().Length > 0)
                {
                    var colon = line.Text.IndexOf(':');
                    if (colon <= 0) throw Error(fileName, line, "front matter lines must be 'key: value'");
                    metadata[line.Text.Substring(0, colon).Trim()] = line.Text.Substring(colon + 1).Trim();
                }

                index++;
            }

            if (index >= lines.Count) throw Error(fileName, lines[0], "the front matter is not closed with '---'");
            foreach (var key in new[] { "external help file", "Module Name", "schema" })
            {
                if (!metadata.TryGetValue(key, out var value) || value.Length == 0)
                    throw Error(fileName, lines[0], "the front matter has no '" + key + "'");
            }

            if (metadata["schema"] != "2.0.0") throw Error(fileName, lines[0], "schema must be 2.0.0");
            index++;
            return metadata;
        }

        private static void ReadSyntax(string fileName, CommandHelp help, Part section)
        {
            var sets = Split(section.Body, "### ");
            if (sets.Parts.Count == 0)
            {
                var fences = Fences(sets.Preamble);
                if (fences.Count != 1) throw Error(fileName, section.Heading, "SYNTAX needs exactly one code block, or one '### SetName' heading with a code block per parameter set");
                help.Syntax.Add(SyntaxOf(fileName, help.Name, null, false, fences[0], section.Heading));
                return;
            }

            if (sets.Preamble.Any(l => l.Text.Trim().Length > 0)) throw Error(fileName, sets.Preamble.First(l => l.Text.Trim().Length > 0), "text before the first parameter set heading");
            foreach (var set in sets.Parts)
            {
                var title = set.Title;
                var isDefault = title.EndsWith(" (Default)", StringComparison.Ordinal);
                if (isDefault) title = title.Substring(0, title.Length - " (Default)".Length).Trim();
                var fences = Fences(set.Body);
                if (fences.Count != 1) throw Error(fileName, set.Heading, "the parameter set '" + title + "' needs exactly one code block");
                help.Syntax.Add(SyntaxOf(fileName, help.Name, title == "__AllParameterSets" ? null : title, isDefault, fences[0], set.Heading));
            }

            if (help.Syntax.Count(s => s.IsDefault) > 1) throw Error(fileName, section.Heading, "more than one parameter set is marked (Default)");
            if (help.Syntax.Count > 1 && help.Syntax.Any(s => s.SetName is null)) throw Error(fileName, section.Heading, "with several parameter sets, each needs a name");
        }

        private static SyntaxBlock SyntaxOf(string fileName, string command, string? setName, bool isDefault, Fence fence, Line heading)
        {
            var code = fence.Content.Trim();
            if (!code.StartsWith(command + " ", StringComparison.Ordinal) && code != command)
                throw Error(fileName, heading, "the syntax block must start with '" + command + "'");
            var names = new List<string>();
            foreach (Match match in SyntaxParameter.Matches(code.Substring(command.Length)))
            {
                var name = match.Groups[1].Value;
                if (names.Contains(name, StringComparer.OrdinalIgnoreCase)) throw Error(fileName, heading, "-" + name + " appears twice in one syntax block");
                names.Add(name);
            }

            return new SyntaxBlock(setName, isDefault, code, names);
        }

        private static void ReadExamples(string fileName, CommandHelp help, Part section)
        {
            var examples = Split(section.Body, "### ");
            if (examples.Preamble.Any(l => l.Text.Trim().Length > 0)) throw Error(fileName, examples.Preamble.First(l => l.Text.Trim().Length > 0), "text before the first '### Example 1: ...' heading");
            if (examples.Parts.Count == 0) throw Error(fileName, section.Heading, "EXAMPLES needs at least one '### Example 1: ...'");
            foreach (var example in examples.Parts)
            {
                if (!ExampleTitle.IsMatch(example.Title)) throw Error(fileName, example.Heading, "example headings must read 'Example N: Title'");
                var fences = Fences(example.Body);
                if (fences.Count == 0) throw Error(fileName, example.Heading, "the example has no code block");
                var code = string.Join("\n\n", fences.Select(f => f.Content.TrimEnd()));
                help.Examples.Add(new ExampleHelp(example.Title, code, Paragraphs(example.Body.Where(l => !l.InFence).ToList())));
            }
        }

        private static void ReadParameters(string fileName, CommandHelp help, Part section)
        {
            var parameters = Split(section.Body, "### ");
            if (parameters.Preamble.Any(l => l.Text.Trim().Length > 0)) throw Error(fileName, parameters.Preamble.First(l => l.Text.Trim().Length > 0), "text before the first parameter");
            var sawCommon = false;
            foreach (var part in parameters.Parts)
            {
                if (part.Title == "CommonParameters")
                {
                    sawCommon = true;
                    continue;
                }

                if (!part.Title.StartsWith("-", StringComparison.Ordinal) || part.Title.Length < 2 || part.Title.Contains(" "))
                    throw Error(fileName, part.Heading, "parameter headings must read '### -Name'");
                var name = part.Title.Substring(1);
                if (help.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                    throw Error(fileName, part.Heading, "-" + name + " is documented twice");
                var description = Paragraphs(part.Body.Where(l => !l.InFence).ToList());
                if (description.Count == 0) throw Error(fileName, part.Heading, "-" + name + " has no description");
                var parameter = new ParameterHelp(name, description);
                foreach (var fence in Fences(part.Body))
                {
                    if (fence.Language != "yaml") throw Error(fileName, part.Heading, "-" + name + " has a code block that is not its ```yaml block");
                    parameter.Blocks.Add(ReadYaml(fileName, name, fence, part.Heading));
                }

                if (parameter.Blocks.Count == 0) throw Error(fileName, part.Heading, "-" + name + " has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, ...)");
                help.Parameters.Add(parameter);
            }

            if (!sawCommon) throw Error(fileName, section.Heading, "PARAMETERS has no '### CommonParameters'");
        }

        private static ParameterYaml ReadYaml(string fileName, string name, Fence fence, Line heading)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var raw in fence.Content.Split('\n'))
            {
                if (raw.Trim().Length == 0) continue;
                var colon = raw.IndexOf(':');
                if (colon <= 0) throw Error(fileName, heading, "-" + name + ": the yaml line '" + raw + "' is not 'Key: value'");
                var key = raw.Substring(0, colon).Trim();
                if (values.ContainsKey(key)) throw Error(fileName, heading, "-" + name + ": '" + key + "' appears twice in the yaml block");
                values[key] = raw.Substring(colon + 1).Trim();
            }

            foreach (var key in RequiredYamlKeys)
            {
                if (!values.ContainsKey(key)) throw Error(fileName, heading, "-" + name + ": the yaml block has no '" + key + ":' line");
            }

            foreach (var key in values.Keys)
            {
                if (!RequiredYamlKeys.Contains(key) && key != "Accepted values") throw Error(fileName, heading, "-" + name + ": unknown yaml key '" + key + "'");
            }

            var yaml = new ParameterYaml
            {
                Type = values["Type"],
                Required = Bool(fileName, name, "Required", values["Required"], heading),
                DefaultValue = values["Default value"].Length == 0 ? "None" : values["Default value"],
                PipelineInput = values["Accept pipeline input"],
                Globbing = Bool(fileName, name, "Accept wildcard characters", values["Accept wildcard characters"], heading),
            };
            if (yaml.Type.Length == 0) throw Error(fileName, heading, "-" + name + ": Type is empty");
            if (!PipelineInput.IsMatch(yaml.PipelineInput))
                throw Error(fileName, heading, "-" + name + ": 'Accept pipeline input' must be False or True (ByValue|ByPropertyName[, ...])");

            var position = values["Position"];
            if (string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase)) yaml.Position = "named";
            else if (int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) yaml.Position = number.ToString(CultureInfo.InvariantCulture);
            else throw Error(fileName, heading, "-" + name + ": Position must be Named or a number");

            var sets = values["Parameter Sets"];
            if (sets.Length == 0) throw Error(fileName, heading, "-" + name + ": 'Parameter Sets' is empty (use (All))");
            if (sets != "(All)") yaml.ParameterSets.AddRange(List(sets));
            yaml.Aliases.AddRange(List(values["Aliases"]));
            if (values.TryGetValue("Accepted values", out var accepted)) yaml.AcceptedValues.AddRange(List(accepted));
            return yaml;
        }

        private static void ReadTypes(string fileName, List<TypeHelp> types, Part section)
        {
            var parts = Split(section.Body, "### ");
            if (parts.Preamble.Any(l => l.Text.Trim().Length > 0)) throw Error(fileName, parts.Preamble.First(l => l.Text.Trim().Length > 0), "text before the first '### TypeName'");
            if (parts.Parts.Count == 0) throw Error(fileName, section.Heading, section.Title + " needs at least one '### TypeName' (use '### None')");
            foreach (var part in parts.Parts) types.Add(new TypeHelp(part.Title, Paragraphs(part.Body)));
        }

        private static void ReadLinks(string fileName, CommandHelp help, Part section)
        {
            foreach (var line in section.Body)
            {
                var text = line.Text.Trim();
                if (text.Length == 0) continue;
                var match = Link.Match(text);
                if (!match.Success) throw Error(fileName, line, "RELATED LINKS lines must be '[Text](uri)'");
                help.Links.Add(new LinkHelp(match.Groups["text"].Value, match.Groups["uri"].Value));
            }
        }

        private static void CrossCheck(string fileName, CommandHelp help, Line heading)
        {
            var setNames = help.Syntax.Where(s => s.SetName != null).Select(s => s.SetName!).ToList();
            foreach (var parameter in help.Parameters)
            {
                foreach (var block in parameter.Blocks)
                {
                    foreach (var set in block.ParameterSets)
                    {
                        if (!setNames.Contains(set, StringComparer.Ordinal))
                            throw Error(fileName, heading, "-" + parameter.Name + " names the parameter set '" + set + "', which SYNTAX does not have");
                    }
                }

                if (!help.Syntax.Any(s => s.ParameterNames.Contains(parameter.Name, StringComparer.Ordinal)))
                    throw Error(fileName, heading, "-" + parameter.Name + " is documented but appears in no syntax block");
            }

            foreach (var syntax in help.Syntax)
            {
                foreach (var name in syntax.ParameterNames)
                {
                    var parameter = help.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
                    if (parameter is null) throw Error(fileName, heading, "the syntax shows -" + name + ", which PARAMETERS does not document");
                    if (!parameter.Blocks.Any(b => b.AppliesTo(syntax.SetName)))
                        throw Error(fileName, heading, "the parameter set '" + syntax.SetName + "' shows -" + name + ", but its yaml does not list that set");
                }
            }
        }

        private static bool Bool(string fileName, string name, string key, string value, Line heading)
        {
            if (value == "True") return true;
            if (value == "False") return false;
            throw Error(fileName, heading, "-" + name + ": '" + key + "' must be True or False");
        }

        private static IEnumerable<string> List(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);

        /// <summary>Groups text into paragraphs: blank lines separate them, each "- " list item is its own paragraph, code blocks are kept verbatim.</summary>
        internal static List<string> Paragraphs(List<Line> lines)
        {
            var result = new List<string>();
            var current = new List<string>();
            var fence = new List<string>();
            void Flush()
            {
                if (current.Count > 0) result.Add(string.Join(" ", current));
                current.Clear();
            }

            foreach (var line in lines)
            {
                if (line.IsFenceMarker)
                {
                    Flush();
                    if (!line.InFence && fence.Count > 0)
                    {
                        result.Add(string.Join("\n", fence));
                        fence.Clear();
                    }

                    continue;
                }

                if (line.InFence)
                {
                    fence.Add(line.Text);
                    continue;
                }

                var text = line.Text.Trim();
                if (text.Length == 0)
                {
                    Flush();
                    continue;
                }

                if (text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("* ", StringComparison.Ordinal)) Flush();
                current.Add(text);
            }

            Flush();
            return result;
        }

        private static List<Fence> Fences(List<Line> lines)
        {
            var result = new List<Fence>();
            List<string>? content = null;
            var language = string.Empty;
            foreach (var line in lines)
            {
                if (line.IsFenceMarker && line.InFence)
                {
                    content = new List<string>();
                    language = line.Text.Substring(3).Trim();
                }
                else if (line.IsFenceMarker)
                {
                    result.Add(new Fence(language, string.Join("\n", content ?? new List<string>())));
                    content = null;
                }
                else if (content != null)
                {
                    content.Add(line.Text);
                }
            }

            return result;
        }

        private static Sections Split(List<Line> lines, string prefix)
        {
            var result = new Sections();
            Part? current = null;
            foreach (var line in lines)
            {
                if (!line.InFence && !line.IsFenceMarker && line.Text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    current = new Part(line.Text.Substring(prefix.Length).Trim(), line);
                    result.Parts.Add(current);
                }
                else if (current is null)
                {
                    result.Preamble.Add(line);
                }
                else
                {
                    current.Body.Add(line);
                }
            }

            return result;
        }

        private static List<Line> ToLines(string fileName, string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            var lines = new List<Line>(raw.Length);
            var inFence = false;
            for (var i = 0; i < raw.Length; i++)
            {
                var isMarker = raw[i].TrimStart().StartsWith("```", StringComparison.Ordinal) && raw[i] == raw[i].TrimStart();
                if (isMarker)
                {
                    inFence = !inFence;

                    // An opening marker is "in" the fence, a closing marker is not: Fences() uses that to tell them apart.
                    lines.Add(new Line(raw[i].TrimEnd(), i + 1, inFence, true));
                    continue;
                }

                lines.Add(new Line(inFence ? raw[i] : raw[i].TrimEnd(), i + 1, inFence, false));
            }

            if (inFence) throw new HelpFormatException(fileName, raw.Length, "a code block is not closed with ```");
            return lines;
        }

        private static HelpFormatException Error(string fileName, Line? line, string message) =>
            new HelpFormatException(fileName, line?.Number ?? 1, message);

        internal sealed class Line
        {
            public Line(string text, int number, bool inFence, bool isFenceMarker)
            {
                Text = text;
                Number = number;
                InFence = inFence;
                IsFenceMarker = isFenceMarker;
            }

            public string Text { get; }

            public int Number { get; }

            public bool InFence { get; }

            public bool IsFenceMarker { get; }
        }

        private sealed class Part
        {
            public Part(string title, Line heading)
            {
                Title = title;
                Heading = heading;
            }

            public string Title { get; }

            public Line Heading { get; }

            public List<Line> Body { get; } = new List<Line>();
        }

        private sealed class Sections
        {
            public List<Line> Preamble { get; } = new List<Line>();

            public List<Part> Parts { get; } = new List<Part>();
        }

        private sealed class Fence
        {
            public Fence(string language, string content)
            {
                Language = language;
                Content = content;
            }

            public string Language { get; }

            public string Content { get; }
        }
    }
}

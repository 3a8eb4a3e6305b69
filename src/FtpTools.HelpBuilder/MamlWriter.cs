using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace FtpTools.HelpBuilder
{
    /// <summary>Writes cmdlet help as MAML, the XML format Get-Help reads from "&lt;Assembly&gt;.dll-Help.xml".</summary>
    public static class MamlWriter
    {
        public const string MshNamespace = "http://msh";
        public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";
        public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";
        public const string MSHelpNamespace = "http://msdn.microsoft.com/mshelp";

        /// <summary>The MAML document for the commands, sorted by name, with "\n" line ends and no byte order mark.</summary>
        public static string Write(IEnumerable<CommandHelp> commands)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };
            using (var stream = new MemoryStream())
            {
                using (var writer = XmlWriter.Create(stream, settings))
                {
                    writer.WriteStartDocument();
                    writer.WriteStartElement("helpItems", MshNamespace);
                    writer.WriteAttributeString("schema", "maml");
                    writer.WriteAttributeString("xmlns", "maml", null, MamlNamespace);
                    writer.WriteAttributeString("xmlns", "command", null, CommandNamespace);
                    writer.WriteAttributeString("xmlns", "dev", null, DevNamespace);
                    writer.WriteAttributeString("xmlns", "MSHelp", null, MSHelpNamespace);
                    foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal)) WriteCommand(writer, command);
                    writer.WriteEndElement();
                    writer.WriteEndDocument();
                }

                return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
            }
        }

        private static void WriteCommand(XmlWriter writer, CommandHelp command)
        {
            writer.WriteStartElement("command", "command", CommandNamespace);

            writer.WriteStartElement("command", "details", CommandNamespace);
            writer.WriteElementString("command", "name", CommandNamespace, command.Name);
            writer.WriteElementString("command", "verb", CommandNamespace, command.Verb);
            writer.WriteElementString("command", "noun", CommandNamespace, command.Noun);
            WriteDescription(writer, command.Synopsis);
            writer.WriteEndElement();

            WriteDescription(writer, command.Description);

            writer.WriteStartElement("command", "syntax", CommandNamespace);
            foreach (var syntax in OrderedSyntax(command))
            {
                writer.WriteStartElement("command", "syntaxItem", CommandNamespace);
                writer.WriteElementString("maml", "name", MamlNamespace, command.Name);
                foreach (var name in syntax.ParameterNames)
                {
                    var parameter = command.Parameters.First(p => string.Equals(p.Name, name, StringComparison.Ordinal));
                    var block = parameter.Blocks.First(b => b.AppliesTo(syntax.SetName));
                    WriteParameter(writer, parameter, block, inSyntax: true);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();

            writer.WriteStartElement("command", "parameters", CommandNamespace);
            foreach (var parameter in command.Parameters) WriteParameter(writer, parameter, parameter.Blocks[0], inSyntax: false);
            writer.WriteEndElement();

            WriteTypes(writer, "inputTypes", "inputType", command.Inputs);
            WriteTypes(writer, "returnValues", "returnValue", command.Outputs);

            writer.WriteStartElement("maml", "alertSet", MamlNamespace);
            writer.WriteStartElement("maml", "alert", MamlNamespace);
            WriteParas(writer, command.Notes);
            writer.WriteEndElement();
            writer.WriteEndElement();

            writer.WriteStartElement("command", "examples", CommandNamespace);
            foreach (var example in command.Examples)
            {
                writer.WriteStartElement("command", "example", CommandNamespace);
                writer.WriteElementString("maml", "title", MamlNamespace, "-------------------------- " + example.Title + " --------------------------");
                writer.WriteElementString("dev", "code", DevNamespace, example.Code);
                writer.WriteStartElement("dev", "remarks", DevNamespace);
                WriteParas(writer, example.Remarks);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();

            writer.WriteStartElement("command", "relatedLinks", CommandNamespace);
            if (command.Metadata.TryGetValue("online version", out var online) && online.Length > 0)
                WriteLink(writer, "Online Version:", online);
            foreach (var link in command.Links) WriteLink(writer, link.Text, IsWebAddress(link.Uri) ? link.Uri : string.Empty);
            writer.WriteEndElement();

            writer.WriteEndElement();
        }

        /// <summary>The default parameter set first, as Get-Help shows it.</summary>
        private static IEnumerable<SyntaxBlock> OrderedSyntax(CommandHelp command) =>
            command.Syntax.Where(s => s.IsDefault).Concat(command.Syntax.Where(s => !s.IsDefault));

        private static void WriteParameter(XmlWriter writer, ParameterHelp parameter, ParameterYaml yaml, bool inSyntax)
        {
            writer.WriteStartElement("command", "parameter", CommandNamespace);
            writer.WriteAttributeString("required", yaml.Required ? "true" : "false");
            writer.WriteAttributeString("variableLength", "true");
            writer.WriteAttributeString("globbing", yaml.Globbing ? "true" : "false");
            writer.WriteAttributeString("pipelineInput", yaml.PipelineInput);
            writer.WriteAttributeString("position", yaml.Position);
            writer.WriteAttributeString("aliases", yaml.Aliases.Count == 0 ? "none" : string.Join(", ", yaml.Aliases));
            writer.WriteElementString("maml", "name", MamlNamespace, parameter.Name);
            WriteDescription(writer, parameter.Description);

            if (yaml.AcceptedValues.Count > 0)
            {
                writer.WriteStartElement("command", "parameterValueGroup", CommandNamespace);
                foreach (var value in yaml.AcceptedValues)
                {
                    writer.WriteStartElement("command", "parameterValue", CommandNamespace);
                    writer.WriteAttributeString("required", "false");
                    writer.WriteAttributeString("command", "variableLength", CommandNamespace, "false");
                    writer.WriteString(value);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            // Get-Help shows "[-Recurse]" for a switch: in the syntax a switch has no value element.
            if (!(inSyntax && yaml.IsSwitch))
            {
                writer.WriteStartElement("command", "parameterValue", CommandNamespace);
                writer.WriteAttributeString("required", yaml.IsSwitch ? "false" : "true");
                writer.WriteAttributeString("variableLength", "false");
                writer.WriteString(yaml.Type);
                writer.WriteEndElement();
            }

            writer.WriteStartElement("dev", "type", DevNamespace);
            writer.WriteElementString("maml", "name", MamlNamespace, yaml.Type);
            writer.WriteElementString("maml", "uri", MamlNamespace, string.Empty);
            writer.WriteEndElement();
            writer.WriteElementString("dev", "defaultValue", DevNamespace, yaml.DefaultValue);
            writer.WriteEndElement();
        }

        private static void WriteTypes(XmlWriter writer, string listName, string itemName, IEnumerable<TypeHelp> types)
        {
            writer.WriteStartElement("command", listName, CommandNamespace);
            foreach (var type in types)
            {
                writer.WriteStartElement("command", itemName, CommandNamespace);
                writer.WriteStartElement("dev", "type", DevNamespace);
                writer.WriteElementString("maml", "name", MamlNamespace, type.TypeName);
                writer.WriteEndElement();
                WriteDescription(writer, type.Description);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private static void WriteLink(XmlWriter writer, string text, string uri)
        {
            writer.WriteStartElement("maml", "navigationLink", MamlNamespace);
            writer.WriteElementString("maml", "linkText", MamlNamespace, text);
            writer.WriteElementString("maml", "uri", MamlNamespace, uri);
            writer.WriteEndElement();
        }

        private static void WriteDescription(XmlWriter writer, IReadOnlyList<string> paragraphs)
        {
            writer.WriteStartElement("maml", "description", MamlNamespace);
            WriteParas(writer, paragraphs);
            writer.WriteEndElement();
        }

        private static void WriteParas(XmlWriter writer, IReadOnlyList<string> paragraphs)
        {
            if (paragraphs.Count == 0)
            {
                writer.WriteElementString("maml", "para", MamlNamespace, string.Empty);
                return;
            }

            foreach (var paragraph in paragraphs) writer.WriteElementString("maml", "para", MamlNamespace, paragraph);
        }

        private static bool IsWebAddress(string uri) =>
            uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
    }
}

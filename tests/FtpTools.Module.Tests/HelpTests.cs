using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Xunit;

namespace FtpTools.Module.Tests
{
    /// <summary>
    /// The user-facing help (en-US/FtpTools.dll-Help.xml, generated from en-US/help/*.md, and en-US/about_FtpTools.help.txt)
    /// must cover every cmdlet and parameter of the contract and of the built assembly, and must be what the markdown produces.
    /// Needs: a ProjectReference to src/FtpTools.HelpBuilder, the built module (out/FtpTools, via the src/FtpTools reference) and ModuleUnderTest.
    /// </summary>
    public sealed class HelpTests
    {
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly XNamespace Msh = "http://msh";

        private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };

        /// <summary>The cmdlets and parameters of /work/notes/cmdlet-contract.md (WhatIf/Confirm for SupportsShouldProcess cmdlets).</summary>
        public static readonly IReadOnlyDictionary<string, string[]> Contract = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Connect-FtpServer"] = new[]
            {
                "ComputerName", "Port", "Credential", "Encryption", "DataConnection", "ActivePortRange", "ActiveExternalAddress",
                "UseServerPassiveAddress", "CertificateThumbprint", "SkipCertificateCheck", "TlsProtocol", "Timeout", "KeepAliveInterval",
                "Protocol", "KeyFile", "KeyPassphrase", "HostKeyFingerprint", "KnownHostsFile", "AcceptNewHostKey", "RetryCount", "RetryDelay",
            },
            ["Disconnect-FtpServer"] = new[] { "Session" },
            ["Get-FtpSession"] = new[] { "Id" },
            ["Get-FtpChildItem"] = new[] { "Path", "LiteralPath", "Filter", "Recurse", "Depth", "File", "Directory", "Force", "Session" },
            ["Get-FtpItem"] = new[] { "Path", "LiteralPath", "Session" },
            ["Test-FtpPath"] = new[] { "Path", "LiteralPath", "PathType", "Session" },
            ["Send-FtpItem"] = new[] { "Path", "LiteralPath", "Destination", "Recurse", "Include", "Exclude", "IfExists", "PassThru", "RetryCount", "RetryDelay", "Session", "WhatIf", "Confirm", "ThrottleLimit", "Atomic", "Verify" },
            ["Receive-FtpItem"] = new[] { "Path", "LiteralPath", "Destination", "Recurse", "Include", "Exclude", "IfExists", "PassThru", "RetryCount", "RetryDelay", "Session", "WhatIf", "Confirm", "ThrottleLimit", "Verify" },
            ["New-FtpDirectory"] = new[] { "Path", "Session", "WhatIf", "Confirm" },
            ["Remove-FtpItem"] = new[] { "Path", "LiteralPath", "Recurse", "Session", "WhatIf", "Confirm" },
            ["Rename-FtpItem"] = new[] { "Path", "LiteralPath", "NewName", "PassThru", "Session", "WhatIf", "Confirm" },
            ["Move-FtpItem"] = new[] { "Path", "LiteralPath", "Destination", "PassThru", "Session", "WhatIf", "Confirm" },
            ["Get-FtpFileHash"] = new[] { "Path", "LiteralPath", "Algorithm", "Session" },
            ["Invoke-FtpCommand"] = new[] { "Command", "Session", "WhatIf", "Confirm" },
            ["Sync-FtpItem"] = new[] { "LocalPath", "RemotePath", "Direction", "Compare", "Delete", "Include", "Exclude", "ThrottleLimit", "Atomic", "Verify", "RetryCount", "RetryDelay", "Session", "WhatIf", "Confirm" },
            ["Test-FtpConnection"] = new[]
            {
                "ComputerName", "Port", "Credential", "Protocol", "Encryption", "ActivePortRange", "ActiveExternalAddress", "CertificateThumbprint",
                "SkipCertificateCheck", "TlsProtocol", "HostKeyFingerprint", "KnownHostsFile", "Timeout", "Deep", "Quiet",
            },
        };

        public static IEnumerable<object[]> ContractCmdlets() => Contract.Keys.Select(k => new object[] { k });

        [Fact]
        public void MamlIsAHelpItemsDocumentWithOneCommandPerContractCmdlet()
        {
            var root = LoadMaml().Root!;
            Assert.Equal(Msh + "helpItems", root.Name);
            Assert.Equal("maml", (string?)root.Attribute("schema"));
            var names = Commands().Select(CommandName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(Contract.Keys.OrderBy(n => n, StringComparer.Ordinal), names);
        }

        [Theory]
        [MemberData(nameof(ContractCmdlets))]
        public void EveryContractCmdletHasSynopsisDescriptionExamplesAndAllParameters(string cmdlet)
        {
            var command = FindCommand(cmdlet);
            var details = command.Element(Command + "details")!;
            Assert.Equal(cmdlet.Split('-')[0], (string?)details.Element(Command + "verb"));
            Assert.Equal(cmdlet.Split('-')[1], (string?)details.Element(Command + "noun"));
            Assert.False(string.IsNullOrWhiteSpace(Paras(details.Element(Maml + "description"))), cmdlet + " has no synopsis");
            Assert.False(string.IsNullOrWhiteSpace(Paras(command.Element(Maml + "description"))), cmdlet + " has no description");

            var examples = command.Element(Command + "examples")?.Elements(Command + "example").ToList() ?? new List<XElement>();
            Assert.True(examples.Count >= 1, cmdlet + " has no example");
            foreach (var example in examples)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)example.Element(Maml + "title")));
                Assert.Contains(cmdlet, (string?)example.Element(Dev + "code") ?? string.Empty, StringComparison.Ordinal);
            }

            var documented = DocumentedParameters(command);
            Assert.Equal(Contract[cmdlet].OrderBy(p => p, StringComparer.Ordinal), documented.Keys.OrderBy(p => p, StringComparer.Ordinal));
            foreach (var parameter in documented)
            {
                Assert.False(string.IsNullOrWhiteSpace(Paras(parameter.Value.Element(Maml + "description"))), cmdlet + " -" + parameter.Key + " has no description");
                Assert.False(string.IsNullOrWhiteSpace((string?)parameter.Value.Element(Dev + "type")?.Element(Maml + "name")), cmdlet + " -" + parameter.Key + " has no type");
                foreach (var attribute in new[] { "required", "globbing", "pipelineInput", "position", "aliases" })
                    Assert.NotNull(parameter.Value.Attribute(attribute));
            }

            Assert.NotEmpty(command.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
            Assert.NotEmpty(command.Element(Command + "inputTypes")!.Elements(Command + "inputType"));
            Assert.NotEmpty(command.Element(Command + "returnValues")!.Elements(Command + "returnValue"));
        }

        /// <summary>The help cannot drift from the code: the parameters come from the built out/FtpTools/FtpTools.dll, read without loading it.</summary>
        [Fact]
        public void HelpMatchesTheCmdletsOfTheBuiltAssembly()
        {
            using (var module = new ModuleUnderTest())
            {
                var cmdlets = ReadCmdlets(module.CmdletTypes);
                Assert.Equal(Contract.Keys.OrderBy(n => n, StringComparer.Ordinal), cmdlets.Keys.OrderBy(n => n, StringComparer.Ordinal));

                var problems = new List<string>();
                foreach (var cmdlet in cmdlets.Values)
                {
                    var documented = DocumentedParameters(FindCommand(cmdlet.Name));
                    var expected = cmdlet.Parameters.Keys.ToList();
                    if (cmdlet.SupportsShouldProcess) expected.AddRange(ShouldProcessParameters);
                    foreach (var missing in expected.Except(documented.Keys, StringComparer.Ordinal))
                        problems.Add(cmdlet.Name + ": -" + missing + " is not documented");
                    foreach (var extra in documented.Keys.Except(expected, StringComparer.Ordinal))
                        problems.Add(cmdlet.Name + ": -" + extra + " is documented but the cmdlet has no such parameter");

                    foreach (var parameter in cmdlet.Parameters.Values)
                    {
                        if (!documented.TryGetValue(parameter.Name, out var element)) continue;
                        var type = (string?)element.Element(Dev + "type")?.Element(Maml + "name");
                        if (!string.Equals(type, parameter.TypeName, StringComparison.Ordinal))
                            problems.Add(cmdlet.Name + " -" + parameter.Name + ": documented type " + type + ", code has " + parameter.TypeName);
                        var aliases = AliasesOf(element);
                        if (!aliases.SetEquals(parameter.Aliases))
                            problems.Add(cmdlet.Name + " -" + parameter.Name + ": documented aliases [" + string.Join(", ", aliases) + "], code has [" + string.Join(", ", parameter.Aliases) + "]");
                        var required = string.Equals((string?)element.Attribute("required"), "true", StringComparison.Ordinal);
                        if (required != parameter.MandatoryInAnySet)
                            problems.Add(cmdlet.Name + " -" + parameter.Name + ": documented required=" + required + ", code has Mandatory=" + parameter.MandatoryInAnySet);
                    }
                }

                Assert.True(problems.Count == 0, "Help and code disagree:\n" + string.Join("\n", problems));
            }
        }

        [Fact]
        public void CommittedMamlEqualsWhatTheGeneratorProducesFromTheMarkdown()
        {
            var temp = Path.Combine(Path.GetTempPath(), "FtpTools-Help-" + Guid.NewGuid().ToString("N") + ".xml");
            try
            {
                var originalOut = Console.Out;
                int exitCode;
                try
                {
                    Console.SetOut(TextWriter.Null);
                    exitCode = global::FtpTools.HelpBuilder.Program.Main(new[] { RepoRoot(), "--output", temp });
                }
                finally
                {
                    Console.SetOut(originalOut);
                }

                Assert.Equal(0, exitCode);
                var generated = Normalize(File.ReadAllText(temp, Encoding.UTF8));
                var committed = Normalize(File.ReadAllText(MamlPath(), Encoding.UTF8));
                Assert.True(generated == committed,
                    "en-US/FtpTools.dll-Help.xml is not what en-US/help/*.md produces. Run: dotnet run --project src/FtpTools.HelpBuilder -- <repoRoot>, then commit the XML.");
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        [Fact]
        public void EveryContractCmdletHasAMarkdownSource()
        {
            var sources = Directory.GetFiles(Path.Combine(RepoRoot(), "en-US", "help"), "*.md").Select(Path.GetFileNameWithoutExtension).ToList();
            Assert.Equal(Contract.Keys.OrderBy(n => n, StringComparer.Ordinal), sources.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void AboutTopicExistsMentionsEveryCmdletAndKeepsLinesShort()
        {
            var path = Path.Combine(RepoRoot(), "en-US", "about_FtpTools.help.txt");
            Assert.True(File.Exists(path), path + " is missing");
            var text = File.ReadAllText(path, Encoding.UTF8);
            foreach (var cmdlet in Contract.Keys) Assert.Contains(cmdlet, text, StringComparison.Ordinal);
            foreach (var heading in new[] { "TOPIC", "SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "NOTE", "SEE ALSO", "KEYWORDS" })
                Assert.Contains("\n" + heading + "\n", "\n" + Normalize(text), StringComparison.Ordinal);
            var longLines = Normalize(text).Split('\n').Select((line, i) => new { line, number = i + 1 }).Where(l => l.line.Length > 80).ToList();
            Assert.True(longLines.Count == 0, "Lines over 80 characters: " + string.Join(", ", longLines.Select(l => l.number)));
        }

        private static XDocument? maml;

        private static XDocument LoadMaml() => maml ??= XDocument.Load(MamlPath());

        private static string MamlPath() => Path.Combine(RepoRoot(), "en-US", "FtpTools.dll-Help.xml");

        private static IEnumerable<XElement> Commands() => LoadMaml().Root!.Elements(Command + "command");

        private static string CommandName(XElement command) => (string?)command.Element(Command + "details")?.Element(Command + "name") ?? string.Empty;

        private static XElement FindCommand(string name)
        {
            var command = Commands().FirstOrDefault(c => CommandName(c) == name);
            Assert.True(command != null, "The MAML has no command " + name);
            return command!;
        }

        private static Dictionary<string, XElement> DocumentedParameters(XElement command) =>
            (command.Element(Command + "parameters")?.Elements(Command + "parameter") ?? Enumerable.Empty<XElement>())
                .ToDictionary(p => (string?)p.Element(Maml + "name") ?? string.Empty, StringComparer.Ordinal);

        private static HashSet<string> AliasesOf(XElement parameter)
        {
            var value = (string?)parameter.Attribute("aliases") ?? "none";
            return value == "none"
                ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>(value.Split(',').Select(a => a.Trim()).Where(a => a.Length > 0), StringComparer.OrdinalIgnoreCase);
        }

        private static string Paras(XElement? description) =>
            description is null ? string.Empty : string.Join("\n", description.Elements(Maml + "para").Select(p => p.Value));

        private static string Normalize(string text) => text.Replace("\r\n", "\n");

        private static string RepoRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "src", "FtpTools.sln"))) return directory.FullName;
            }

            throw new InvalidOperationException("Cannot find the repository root (src/FtpTools.sln) above " + AppContext.BaseDirectory);
        }

        private sealed class CmdletInfo
        {
            public CmdletInfo(string name, bool supportsShouldProcess)
            {
                Name = name;
                SupportsShouldProcess = supportsShouldProcess;
            }

            public string Name { get; }

            public bool SupportsShouldProcess { get; }

            public Dictionary<string, ParameterInfoData> Parameters { get; } = new Dictionary<string, ParameterInfoData>(StringComparer.Ordinal);
        }

        private sealed class ParameterInfoData
        {
            public ParameterInfoData(string name, string typeName, IEnumerable<string> aliases, bool mandatoryInAnySet)
            {
                Name = name;
                TypeName = typeName;
                Aliases = new HashSet<string>(aliases, StringComparer.OrdinalIgnoreCase);
                MandatoryInAnySet = mandatoryInAnySet;
            }

            public string Name { get; }

            public string TypeName { get; }

            public HashSet<string> Aliases { get; }

            public bool MandatoryInAnySet { get; }
        }

        private static Dictionary<string, CmdletInfo> ReadCmdlets(IEnumerable<Type> cmdletTypes)
        {
            var result = new Dictionary<string, CmdletInfo>(StringComparer.Ordinal);
            foreach (var type in cmdletTypes)
            {
                var cmdletAttribute = type.GetCustomAttributesData().First(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
                var name = cmdletAttribute.ConstructorArguments[0].Value + "-" + cmdletAttribute.ConstructorArguments[1].Value;
                var shouldProcess = cmdletAttribute.NamedArguments.Any(a => a.MemberName == "SupportsShouldProcess" && Equals(a.TypedValue.Value, true));
                var cmdlet = new CmdletInfo(name, shouldProcess);
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var attributes = property.GetCustomAttributesData();
                    var parameterAttributes = attributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList();
                    if (parameterAttributes.Count == 0 || cmdlet.Parameters.ContainsKey(property.Name)) continue;
                    var mandatory = parameterAttributes.Any(a => a.NamedArguments.Any(n => n.MemberName == "Mandatory" && Equals(n.TypedValue.Value, true)));
                    var aliases = attributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
                        .SelectMany(a => a.ConstructorArguments)
                        .SelectMany(AliasValues)
                        .ToList();
                    cmdlet.Parameters.Add(property.Name, new ParameterInfoData(property.Name, property.PropertyType.Name, aliases, mandatory));
                }

                result.Add(name, cmdlet);
            }

            return result;
        }

        private static IEnumerable<string> AliasValues(CustomAttributeTypedArgument argument)
        {
            if (argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items)
                return items.Select(i => i.Value as string).Where(s => s != null).Select(s => s!);
            return argument.Value is string single ? new[] { single } : Enumerable.Empty<string>();
        }
    }
}

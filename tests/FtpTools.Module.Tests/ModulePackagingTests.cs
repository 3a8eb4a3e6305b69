using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;
using static FtpTools.Module.Tests.CmdletMetadata;

namespace FtpTools.Module.Tests
{
    /// <summary>The importable module folder, the manifest, the format file and module-wide rules (no prompts, no static mutable state).</summary>
    public class ModulePackagingTests : IClassFixture<ModuleUnderTest>
    {
        private readonly ModuleUnderTest module;

        public ModulePackagingTests(ModuleUnderTest module)
        {
            this.module = module;
        }

        [Theory]
        [InlineData("FtpTools.psd1")]
        [InlineData("FtpTools.dll")]
        [InlineData("FtpTools.Engine.dll")]
        [InlineData("FtpTools.Format.ps1xml")]
        [InlineData("FtpTools.Diagnostics.Format.ps1xml")]
        public void The_module_folder_holds_what_Import_Module_needs(string file)
        {
            Assert.True(File.Exists(Path.Combine(module.ModuleDirectory, file)), file + " is missing from " + module.ModuleDirectory);
        }

        [Fact]
        public void The_module_folder_does_not_ship_PowerShell_itself()
        {
            Assert.False(File.Exists(Path.Combine(module.ModuleDirectory, ModuleUnderTest.SmaName + ".dll")));
        }

        [Fact]
        public void CmdletsToExport_lists_exactly_the_cmdlet_classes()
        {
            var exported = ManifestList("CmdletsToExport");
            Assert.Equal(module.CmdletTypes.Select(Name).OrderBy(n => n), exported.OrderBy(n => n));
        }

        [Theory]
        [InlineData("RootModule", "FtpTools.dll")]
        [InlineData("PowerShellVersion", "5.1")]
        public void Manifest_values(string key, string expected)
        {
            Assert.Equal(expected, ManifestString(key));
        }

        [Fact]
        public void Manifest_lists()
        {
            Assert.Equal(new[] { "Core", "Desktop" }, ManifestList("CompatiblePSEditions").OrderBy(e => e));
            Assert.Equal(new[] { "FtpTools.Format.ps1xml", "FtpTools.Diagnostics.Format.ps1xml" }, ManifestList("FormatsToProcess"));
            Assert.Empty(ManifestList("FunctionsToExport"));
            Assert.Empty(ManifestList("VariablesToExport"));
            Assert.Empty(ManifestList("AliasesToExport"));
            Assert.Contains("FTPS", ManifestList("Tags"));
            Assert.True(Guid.TryParse(ManifestString("GUID"), out _));
            Assert.Matches(@"^\d+\.\d+\.\d+$", ManifestString("ModuleVersion"));
        }

        [Fact]
        public void The_copied_manifest_is_the_repository_manifest()
        {
            Assert.Equal(File.ReadAllText(module.ManifestPath), File.ReadAllText(Path.Combine(module.ModuleDirectory, "FtpTools.psd1")));
        }

        [Theory]
        [InlineData("FtpItem", "FullName")]
        [InlineData("FtpSession", "ComputerName")]
        [InlineData("FtpFileHash", "Hash")]
        public void The_format_file_has_a_table_view_for_each_output_type(string typeName, string someProperty)
        {
            var document = XDocument.Load(Path.Combine(module.ModuleDirectory, "FtpTools.Format.ps1xml"));
            var view = document.Descendants("View").Single(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == "FtpTools." + typeName);
            Assert.NotNull(view.Element("TableControl"));
            var type = module.ModuleType(typeName);
            Assert.NotNull(type.GetProperty(someProperty));
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                Assert.True(type.GetProperty(property) != null, "The " + typeName + " view names a property that does not exist: " + property);
        }

        /// <summary>
        /// No public member chain of an output object reaches the engine, its options or the credential: ConvertTo-Json and
        /// Export-Clixml serialize public properties, and $session.X.Y.Z is what a user can type. Only strings, numbers,
        /// enums, dates, the module's own output types and arrays of those are allowed along the way.
        /// </summary>
        [Theory]
        [InlineData("FtpSession")]
        [InlineData("FtpItem")]
        [InlineData("FtpFileHash")]
        [InlineData("FtpCommandResult")]
        public void No_public_member_chain_of_an_output_object_reaches_the_engine_or_a_credential(string typeName)
        {
            var outputTypes = new[] { "FtpSession", "FtpItem", "FtpFileHash", "FtpCommandResult" }.Select(module.ModuleType).ToList();
            var seen = new HashSet<Type>();
            var queue = new Queue<(Type Type, string Chain)>();
            queue.Enqueue((module.ModuleType(typeName), typeName));
            while (queue.Count > 0)
            {
                var (type, chain) = queue.Dequeue();
                if (!seen.Add(type)) continue;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var propertyType = property.PropertyType;
                    while (propertyType.IsArray) propertyType = propertyType.GetElementType()!;
                    if (Nullable(propertyType) is Type inner) propertyType = inner;
                    var where = chain + "." + property.Name;
                    Assert.False(propertyType.Name.Contains("Credential") || propertyType.Name == "SecureString", where + " is a credential");
                    if (propertyType.IsEnum || propertyType.IsPrimitive || propertyType.FullName == "System.String" || propertyType.FullName == "System.DateTime"
                        || propertyType.FullName == "System.DateTimeOffset" || propertyType.FullName == "System.Decimal") continue;
                    Assert.True(outputTypes.Contains(propertyType), where + " is a " + propertyType.FullName + ", which an output object must not expose");
                    queue.Enqueue((propertyType, where));
                }
            }
        }

        private static Type? Nullable(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : null;

        [Theory]
        [InlineData("ShouldContinue")]
        [InlineData("PromptForCredential")]
        [InlineData("PromptForChoice")]
        [InlineData("ReadLine")]
        [InlineData("ReadLineAsSecureString")]
        public void The_module_never_prompts(string member)
        {
            Assert.DoesNotContain(member, MemberReferenceNames(Path.Combine(module.ModuleDirectory, "FtpTools.dll")));
        }

        [Fact]
        public void The_module_keeps_no_static_mutable_state()
        {
            foreach (var assembly in new[] { module.Assembly, module.EngineAssembly })
            {
                foreach (var type in assembly.GetTypes())
                {
                    foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.IsLiteral || field.IsInitOnly || field.Name.Contains('<')) continue;
                        Assert.Fail(type.FullName + "." + field.Name + " is a static field that can change.");
                    }
                }
            }
        }

        private static string[] MemberReferenceNames(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var reader = new PEReader(stream);
            var metadata = reader.GetMetadataReader();
            return metadata.MemberReferences.Select(h => metadata.GetString(metadata.GetMemberReference(h).Name)).Distinct().ToArray();
        }

        private string ManifestText => File.ReadAllText(module.ManifestPath);

        private string ManifestString(string key)
        {
            var match = Regex.Match(ManifestText, @"(?m)^\s*" + key + @"\s*=\s*'([^']*)'");
            Assert.True(match.Success, key + " is not in the manifest");
            return match.Groups[1].Value;
        }

        private string[] ManifestList(string key)
        {
            var match = Regex.Match(ManifestText, @"(?ms)^\s*" + key + @"\s*=\s*@\((.*?)\)");
            Assert.True(match.Success, key + " is not in the manifest as @(...)");
            return Regex.Matches(match.Groups[1].Value, @"'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace FtpTools.Module.Tests
{
    /// <summary>
    /// The built module, loaded for inspection only (MetadataLoadContext): no PowerShell is needed and no module code runs.
    /// One per test class through IClassFixture; disposing it unloads the context.
    /// </summary>
    public sealed class ModuleUnderTest : IDisposable
    {
        public const string SmaName = "System.Management.Automation";

        private readonly MetadataLoadContext context;

        public ModuleUnderTest()
        {
            RepositoryRoot = FindRepositoryRoot();
            ModuleDirectory = Path.Combine(RepositoryRoot, "out", "FtpTools");
            var moduleAssemblyPath = Path.Combine(ModuleDirectory, "FtpTools.dll");
            if (!File.Exists(moduleAssemblyPath))
                throw new InvalidOperationException("The module is not built: " + moduleAssemblyPath + " is missing. Run dotnet build src/FtpTools.sln.");

            var paths = new List<string>();
            paths.AddRange(Directory.GetFiles(ModuleDirectory, "*.dll"));
            paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
            paths.Add(FindPowerShellReferenceAssembly());
            context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            Assembly = context.LoadFromAssemblyPath(moduleAssemblyPath);
            Sma = context.LoadFromAssemblyName(SmaName);
            CmdletTypes = Assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && t.GetCustomAttributesData().Any(a => a.AttributeType.FullName == SmaName + ".CmdletAttribute"))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
        }

        public string RepositoryRoot { get; }

        public string ModuleDirectory { get; }

        public Assembly Assembly { get; }

        public Assembly Sma { get; }

        /// <summary>FtpTools.Engine.dll from the module folder, in the same context.</summary>
        public Assembly EngineAssembly => context.LoadFromAssemblyName("FtpTools.Engine");

        public IReadOnlyList<Type> CmdletTypes { get; }

        public string ManifestPath => Path.Combine(RepositoryRoot, "FtpTools.psd1");

        public Type SmaType(string name) => Sma.GetType(SmaName + "." + name, true)!;

        public Type ModuleType(string name) => Assembly.GetType("FtpTools." + name, true)!;

        public void Dispose() => context.Dispose();

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FtpTools.psd1")) && Directory.Exists(Path.Combine(directory.FullName, "src", "FtpTools")))
                    return directory.FullName;
            }

            throw new InvalidOperationException("Cannot find the repository root (FtpTools.psd1) above " + AppContext.BaseDirectory);
        }

        /// <summary>
        /// The reference assembly the module compiled against, found where its restore put it (src/FtpTools/obj/project.assets.json),
        /// so the version comes from FtpTools.csproj alone.
        /// </summary>
        private string FindPowerShellReferenceAssembly()
        {
            var assetsPath = Path.Combine(RepositoryRoot, "src", "FtpTools", "obj", "project.assets.json");
            if (!File.Exists(assetsPath)) throw new InvalidOperationException("The module is not restored: " + assetsPath + " is missing. Run dotnet build src/FtpTools.sln.");
            using var assets = JsonDocument.Parse(File.ReadAllText(assetsPath));
            var library = assets.RootElement.GetProperty("libraries").EnumerateObject()
                .FirstOrDefault(entry => entry.Name.StartsWith("PowerShellStandard.Library/", StringComparison.OrdinalIgnoreCase));
            if (library.Value.ValueKind != JsonValueKind.Object) throw new InvalidOperationException("PowerShellStandard.Library is not in " + assetsPath);
            var packagePath = library.Value.GetProperty("path").GetString()!;
            foreach (var folder in assets.RootElement.GetProperty("packageFolders").EnumerateObject())
            {
                var path = Path.Combine(folder.Name, packagePath, "lib", "netstandard2.0", SmaName + ".dll");
                if (File.Exists(path)) return path;
            }

            throw new InvalidOperationException("PowerShellStandard.Library (" + library.Name + ") is in none of the package folders of " + assetsPath);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace FtpTools.Engine.Sftp
{
    /// <summary>.NET (PowerShell 7) only: the one method that names AssemblyLoadContext, so .NET Framework never compiles it.</summary>
    internal static class CoreClrSftpLoading
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Assembly LoadAdapter(string folder, string adapterPath) => new SftpLoadContext(folder).LoadFromAssemblyPath(adapterPath);
    }

    /// <summary>
    /// The private load context of the SFTP assemblies (the "Resolving PowerShell module assembly dependency conflicts"
    /// pattern): FtpTools.Engine is the caller's own assembly, an assembly of the folder is loaded from the folder unless the
    /// framework itself has it in the same or a newer version (System.Memory and the other netstandard2.0 shims must stay the
    /// framework's, or Span&lt;T&gt; would exist twice), and everything else falls back to the default context.
    /// </summary>
    internal sealed class SftpLoadContext : AssemblyLoadContext
    {
        private readonly string folder;
        private Dictionary<string, string>? frameworkAssemblies;

        public SftpLoadContext(string folder)
        {
            this.folder = folder;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (string.IsNullOrEmpty(name)) return null;
            if (string.Equals(name, SftpConnectorLoader.EngineAssembly.GetName().Name, StringComparison.OrdinalIgnoreCase)) return SftpConnectorLoader.EngineAssembly;
            var path = Path.Combine(folder, name + ".dll");
            if (!File.Exists(path) || FrameworkSatisfies(assemblyName)) return null;
            return LoadFromAssemblyPath(path);
        }

        private bool FrameworkSatisfies(AssemblyName requested)
        {
            if (frameworkAssemblies is null)
            {
                frameworkAssemblies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
                foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                    frameworkAssemblies[Path.GetFileNameWithoutExtension(path)] = path;
            }

            if (!frameworkAssemblies.TryGetValue(requested.Name!, out var frameworkPath)) return false;
            var frameworkVersion = AssemblyName.GetAssemblyName(frameworkPath).Version;
            return requested.Version is null || (frameworkVersion != null && frameworkVersion >= requested.Version);
        }
    }
}

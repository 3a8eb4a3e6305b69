using System;
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
    /// pattern): FtpTools.Engine is the caller's own assembly; an assembly of the folder is loaded from the folder unless the
    /// shared framework itself has it in the same or a newer version (System.Memory and the other netstandard2.0 shims must
    /// stay the framework's, or Span&lt;T&gt; would exist twice); everything else falls back to the default context. Only the
    /// framework's own folder counts, not the host's application assemblies: a host that carried another BouncyCastle of the
    /// same assembly version must not win over ours.
    /// </summary>
    internal sealed class SftpLoadContext : AssemblyLoadContext
    {
        private readonly string folder;
        private readonly string frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;

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
            if (!File.Exists(path) || FrameworkSatisfies(name!, assemblyName.Version)) return null;
            return LoadFromAssemblyPath(path);
        }

        private bool FrameworkSatisfies(string name, Version? requested)
        {
            var frameworkPath = Path.Combine(frameworkFolder, name + ".dll");
            if (frameworkFolder.Length == 0 || !File.Exists(frameworkPath)) return false;
            var frameworkVersion = AssemblyName.GetAssemblyName(frameworkPath).Version;
            return requested is null || (frameworkVersion != null && frameworkVersion >= requested);
        }
    }
}

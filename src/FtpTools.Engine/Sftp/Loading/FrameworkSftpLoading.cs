using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace FtpTools.Engine.Sftp
{
    /// <summary>
    /// .NET Framework (Windows PowerShell 5.1): one AppDomain, no load contexts. An AssemblyResolve handler, registered when
    /// SFTP is first used, answers only for assemblies whose file is in our SFTP folder (and for FtpTools.Engine with the
    /// caller's own). The runtime asks it when a reference cannot be bound as written, which is exactly where the
    /// netstandard2.0 dependencies would need binding redirects (System.Memory 4.0.1.2 -> 4.0.2.0, System.Runtime.CompilerServices.Unsafe
    /// 4.0.4.1 -> 6.0.0.0, ...). An assembly of the same identity loaded earlier by someone else (BouncyCastle 2.4 and 2.7 are
    /// both 2.0.0.0) is used as it is; FtpTools.Sftp copes with an older BouncyCastle.
    /// </summary>
    internal static class FrameworkSftpLoading
    {
        // Process-wide: AssemblyResolve is an AppDomain event, registered once per folder.
        private static readonly List<string> Folders = new List<string>();

        public static Assembly LoadAdapter(string folder, string adapterPath)
        {
            lock (Folders)
            {
                if (Folders.Count == 0) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                if (!Folders.Contains(folder)) Folders.Add(folder);
            }

            return Assembly.LoadFrom(adapterPath);
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name)) return null;
            if (string.Equals(name, SftpConnectorLoader.EngineAssembly.GetName().Name, StringComparison.OrdinalIgnoreCase)) return SftpConnectorLoader.EngineAssembly;
            string[] folders;
            lock (Folders) folders = Folders.ToArray();
            foreach (var folder in folders)
            {
                var path = Path.Combine(folder, name + ".dll");
                if (File.Exists(path)) return Assembly.LoadFrom(path);
            }

            return null;
        }
    }
}

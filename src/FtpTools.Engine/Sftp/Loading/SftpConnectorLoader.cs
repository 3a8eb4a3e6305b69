using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FtpTools.Engine.Sftp
{
    /// <summary>
    /// Loads the SFTP implementation (FtpTools.Sftp, SSH.NET, BouncyCastle and their dependencies) from the module's private
    /// folder the first time SFTP is used, so that a session that never uses SFTP never loads any of them, and so that the
    /// copies another module loaded first cannot break ours. On .NET (PowerShell 7) they go into a private AssemblyLoadContext
    /// that shares only FtpTools.Engine (the contract) and the framework with the rest of the process; on .NET Framework
    /// (Windows PowerShell 5.1) an AssemblyResolve handler serves our copies by name, which also stands in for the binding
    /// redirects the netstandard2.0 dependencies need.
    /// </summary>
    public static class SftpConnectorLoader
    {
        /// <summary>The folder, inside the module folder, that holds the SFTP assemblies.</summary>
        public const string PrivateFolderName = "sftp";

        internal const string AdapterAssemblyName = "FtpTools.Sftp";
        internal const string ConnectorTypeName = "FtpTools.Sftp.SftpConnector";

        // Process-wide on purpose, and the only such state in the engine: an assembly loads once per load context (or
        // AppDomain) and cannot be unloaded here, so every runspace and session must share the one connector per folder.
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, ISftpConnector> Connectors = new Dictionary<string, ISftpConnector>(StringComparer.Ordinal);

        /// <summary>The connector from moduleDirectory/sftp; loaded on the first call, the same instance afterwards.</summary>
        public static ISftpConnector Load(string moduleDirectory)
        {
            if (string.IsNullOrEmpty(moduleDirectory)) throw new ArgumentException("The module folder is required.", nameof(moduleDirectory));
            return LoadFromFolder(Path.Combine(moduleDirectory, PrivateFolderName));
        }

        /// <summary>The connector from a folder that holds FtpTools.Sftp.dll and its dependencies.</summary>
        public static ISftpConnector LoadFromFolder(string sftpFolder)
        {
            var folder = Path.GetFullPath(sftpFolder);
            var adapterPath = Path.Combine(folder, AdapterAssemblyName + ".dll");
            if (!File.Exists(adapterPath))
                throw new FileNotFoundException("SFTP support is not installed: " + adapterPath + " is missing (the module folder should contain the '" + PrivateFolderName + "' folder).", adapterPath);
            lock (Gate)
            {
                if (Connectors.TryGetValue(folder, out var loaded)) return loaded;
                var assembly = IsNetFramework ? FrameworkSftpLoading.LoadAdapter(folder, adapterPath) : CoreClrSftpLoading.LoadAdapter(folder, adapterPath);
                var connector = CreateConnector(assembly);
                Connectors.Add(folder, connector);
                return connector;
            }
        }

        internal static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>The engine assembly the caller uses: the SFTP side must bind to this one so the contract types are the same.</summary>
        internal static Assembly EngineAssembly => typeof(ISftpConnector).Assembly;

        private static ISftpConnector CreateConnector(Assembly assembly)
        {
            var type = assembly.GetType(ConnectorTypeName, throwOnError: true)!;
            if (Activator.CreateInstance(type) is ISftpConnector connector) return connector;
            throw new InvalidOperationException(ConnectorTypeName + " from " + assembly.Location + " does not implement ISftpConnector of " + EngineAssembly.Location
                + ": it was built against another FtpTools.Engine.");
        }
    }
}

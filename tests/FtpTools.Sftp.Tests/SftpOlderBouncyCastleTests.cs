using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>
    /// What Windows PowerShell 5.1 meets when another module loaded BouncyCastle 2.4 first (one AppDomain, same assembly
    /// identity as 2.7): SSH.NET binds to 2.4, which has no ML-KEM. Reproduced with a load context that serves 2.4.
    /// </summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpOlderBouncyCastleTests
    {
        private readonly SftpLabFixture lab;

        public SftpOlderBouncyCastleTests(SftpLabFixture lab)
        {
            this.lab = lab;
        }

        [LabFact]
        public void WithBouncyCastle24TheMlKemKeyExchangeIsDroppedAndTheSessionWorks()
        {
            var folder = Path.GetDirectoryName(typeof(SftpConnector).Assembly.Location)!;
            var context = new OlderBouncyCastleContext(folder, Path.Combine(folder, "bouncycastle-2.4.0", "BouncyCastle.Cryptography.dll"));
            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "FtpTools.Sftp.dll"));
            var connector = (ISftpConnector)Activator.CreateInstance(assembly.GetType("FtpTools.Sftp.SftpConnector", throwOnError: true)!)!;
            var trace = new List<string>();

            using (var session = connector.Connect(SftpSessions.Options(lab.Server, o => o.Trace = entry => trace.Add(entry.Text)), CancellationToken.None))
            {
                Assert.NotEmpty(session.ListDirectory(null, CancellationToken.None).Directory);
                Assert.NotEqual("mlkem768x25519-sha256", session.SessionInfo.KeyExchange);
            }

            Assert.Contains(trace, line => line.Contains("has no ML-KEM", StringComparison.Ordinal));
            var loaded = Assert.Single(context.Assemblies, a => a.GetName().Name == "BouncyCastle.Cryptography");
            Assert.StartsWith("2.4.0", loaded.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
        }

        private sealed class OlderBouncyCastleContext : AssemblyLoadContext
        {
            private readonly string folder;
            private readonly string bouncyCastle;

            public OlderBouncyCastleContext(string folder, string bouncyCastle)
                : base("older BouncyCastle", isCollectible: false)
            {
                this.folder = folder;
                this.bouncyCastle = bouncyCastle;
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                switch (assemblyName.Name)
                {
                    case "FtpTools.Engine":
                        return typeof(ISftpConnector).Assembly;
                    case "BouncyCastle.Cryptography":
                        return LoadFromAssemblyPath(bouncyCastle);
                    case "Renci.SshNet":
                    case "FtpTools.Sftp":
                        return LoadFromAssemblyPath(Path.Combine(folder, assemblyName.Name + ".dll"));
                    default:
                        return null;
                }
            }
        }
    }
}

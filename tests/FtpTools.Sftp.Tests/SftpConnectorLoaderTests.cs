using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>SftpConnectorLoader on .NET: a private load context that shares only FtpTools.Engine and the framework.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpConnectorLoaderTests
    {
        private readonly SftpLabFixture lab;

        public SftpConnectorLoaderTests(SftpLabFixture lab)
        {
            this.lab = lab;
        }

        /// <summary>The test's output folder holds FtpTools.Sftp and its dependencies, as the module's sftp folder does.</summary>
        private static string Folder => Path.GetDirectoryName(typeof(SftpConnector).Assembly.Location)!;

        [LabFact]
        public void TheConnectorLoadsPrivatelyAndWorks()
        {
            var connector = SftpConnectorLoader.LoadFromFolder(Folder);
            Assert.Same(connector, SftpConnectorLoader.LoadFromFolder(Folder));

            var context = AssemblyLoadContext.GetLoadContext(connector.GetType().Assembly)!;
            Assert.NotSame(AssemblyLoadContext.Default, context);
            Assert.NotSame(typeof(SftpConnector).Assembly, connector.GetType().Assembly);
            using var session = connector.Connect(SftpSessions.Options(lab.Server), CancellationToken.None);
            Assert.NotEmpty(session.ListDirectory(null, CancellationToken.None).Directory);

            var names = context.Assemblies.Select(a => a.GetName().Name).ToList();
            Assert.Contains("Renci.SshNet", names);
            Assert.Contains("BouncyCastle.Cryptography", names);
            Assert.DoesNotContain("FtpTools.Engine", names); // shared with the caller
            Assert.DoesNotContain("System.Memory", names); // the framework's
            Assert.NotSame(typeof(Renci.SshNet.SftpClient).Assembly, context.Assemblies.Single(a => a.GetName().Name == "Renci.SshNet"));
        }

        [Fact]
        public void AMissingFolderSaysWhatIsMissing()
        {
            var error = Assert.Throws<FileNotFoundException>(() => SftpConnectorLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-module")));
            Assert.Contains(Path.Combine("no-such-module", "sftp", "FtpTools.Sftp.dll"), error.Message);
        }

        [Fact]
        public void TheBouncyCastleShippedHasMlKem() => Assert.True(SftpAlgorithms.BouncyCastleHasMlKem());
    }
}

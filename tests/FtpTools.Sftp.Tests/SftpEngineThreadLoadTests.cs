using System;
using System.IO;
using FtpTools.Engine.Tests.Load;
using FtpTools.Lab;
using Xunit;
using Xunit.Abstractions;

namespace FtpTools.Sftp.Tests
{
    /// <summary>
    /// The SFTP case of the engine-thread load test (FtpTools.Engine.Tests/Load, whose runner is linked here): 32 threads, each
    /// with its own SFTP connection (host key pinned), upload then download their files: no error, every file byte-identical,
    /// the test host's peak RSS reported. Full size: FTPTOOLS_LOAD_FILES=100 FTPTOOLS_LOAD_MAX_BYTES=1048576.
    /// </summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpEngineThreadLoadTests : IDisposable
    {
        private readonly SftpLabFixture lab;
        private readonly ITestOutputHelper output;
        private readonly string localFolder = Directory.CreateTempSubdirectory("ftptools-sftp-load-").FullName;

        public SftpEngineThreadLoadTests(SftpLabFixture lab, ITestOutputHelper output)
        {
            this.lab = lab;
            this.output = output;
        }

        public void Dispose() => Directory.Delete(localFolder, recursive: true);

        [LabFact]
        public void ThirtyTwoEngineThreadsUploadThenDownloadEveryFileByteIdentical()
        {
            var (diskFolder, remoteFolder) = SftpSessions.NewFolder(lab.Server, "load");
            try
            {
                var load = new EngineThreadLoad();
                var figures = load.Run(() => SftpSessions.Connect(lab.Server), remoteFolder, diskFolder, localFolder);

                output.WriteLine(figures.Describe(lab.Server.Name));
                foreach (var error in load.Errors) output.WriteLine("  " + error);
                Assert.Empty(load.Errors);
                Assert.Equal(load.Sessions * load.Files, load.FilesChecked);
            }
            finally
            {
                Directory.Delete(diskFolder, recursive: true);
            }
        }
    }
}

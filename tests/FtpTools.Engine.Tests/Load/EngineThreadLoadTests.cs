using System;
using System.IO;
using FtpTools.Engine.Tests.Integration;
using FtpTools.Lab;
using FtpTools.Engine.Tests.Measuring;
using Xunit;
using Xunit.Abstractions;

namespace FtpTools.Engine.Tests.Load
{
    /// <summary>
    /// 32 engine threads, each with its own FtpClient (explicit FTPS, the lab's certificate pinned), upload then download their
    /// files: no error, every file byte-identical, the test host's peak RSS reported. vsftpd requires TLS session reuse on the
    /// data connections. The SFTP case is in FtpTools.Sftp.Tests (SftpEngineThreadLoadTests). Full size:
    ///   FTPTOOLS_LOAD_FILES=100 FTPTOOLS_LOAD_MAX_BYTES=1048576 dotnet test tests/FtpTools.Engine.Tests -c Release --no-build
    ///     --logger "console;verbosity=detailed" --filter "FullyQualifiedName~EngineThreadLoadTests"
    /// </summary>
    [Collection(MeasuredAloneCollection.Name)]
    public sealed class EngineThreadLoadTests : IClassFixture<EngineThreadLoadTests.WidePassiveRangeLab>, IDisposable
    {
        private readonly WidePassiveRangeLab lab;
        private readonly ITestOutputHelper output;
        private readonly string localFolder = Directory.CreateTempSubdirectory("ftptools-load-").FullName;

        public EngineThreadLoadTests(WidePassiveRangeLab lab, ITestOutputHelper output)
        {
            this.lab = lab;
            this.output = output;
        }

        public void Dispose() => Directory.Delete(localFolder, recursive: true);

        [LabTheory]
        [InlineData("vsftpd-explicit")]
        [InlineData("proftpd-explicit")]
        public void ThirtyTwoEngineThreadsUploadThenDownloadEveryFileByteIdentical(string serverName)
        {
            var server = lab.Lab[serverName];
            var run = "load-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var diskFolder = Path.Combine(server.RootDirectory, run);
            using (var setup = LabClients.Connect(server)) setup.CreateDirectory("/" + run, createParents: false, default);
            try
            {
                var load = new EngineThreadLoad();
                var figures = load.Run(() => LabClients.Connect(server), "/" + run, diskFolder, localFolder);

                output.WriteLine(figures.Describe(serverName));
                foreach (var error in load.Errors) output.WriteLine("  " + error);
                Assert.Empty(load.Errors);
                Assert.Equal(load.Sessions * load.Files, load.FilesChecked);
            }
            finally
            {
                Directory.Delete(diskFolder, recursive: true);
            }
        }

        /// <summary>
        /// vsftpd and proftpd with 500 passive ports each: both pick a random port of their range per data connection, and 32
        /// sessions in the default 50 collide ("425 Address already in use", vsftpd's plain-text "500 OOPS" on TLS).
        /// </summary>
        public sealed class WidePassiveRangeLab : IDisposable
        {
            private readonly FtpTools.Lab.Lab? lab;

            public WidePassiveRangeLab()
            {
                var environment = new LabEnvironment();
                if (LabSkip.Reason(environment) is null)
                    lab = FtpTools.Lab.Lab.Start(new[] { "vsftpd-explicit", "proftpd-explicit" }, environment, passivePortCount: 500);
            }

            public FtpTools.Lab.Lab Lab => lab ?? throw new InvalidOperationException("FTP lab not started");

            public void Dispose() => lab?.Dispose();
        }
    }
}

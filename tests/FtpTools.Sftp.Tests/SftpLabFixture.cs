using System;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>
    /// The lab's sshd servers, started once for every test of the collection. Like LabFixture, nothing is started when the lab
    /// is not installed and CI is not set ([LabFact]s skip); under CI a missing lab fails the tests.
    /// </summary>
    public sealed class SftpLabFixture : IDisposable
    {
        private readonly FtpTools.Lab.Lab? lab;

        public SftpLabFixture()
        {
            var environment = new LabEnvironment();
            SkipReason = LabSkip.Reason(environment);
            if (SkipReason is null) lab = FtpTools.Lab.Lab.Start(FtpTools.Lab.Lab.SftpServerNames, environment);
        }

        public string? SkipReason { get; }

        public FtpTools.Lab.Lab Lab => lab ?? throw new InvalidOperationException(SkipReason ?? "lab not started");

        /// <summary>Password and public-key logins.</summary>
        public LabServer Server => Lab.Server("openssh-sftp");

        /// <summary>Keyboard-interactive logins only.</summary>
        public LabServer KeyboardInteractiveServer => Lab.Server("openssh-sftp-kbdint");

        public void Dispose() => lab?.Dispose();
    }

    [CollectionDefinition(Name)]
    public sealed class SftpLabCollection : ICollectionFixture<SftpLabFixture>
    {
        public const string Name = "SFTP lab";
    }
}

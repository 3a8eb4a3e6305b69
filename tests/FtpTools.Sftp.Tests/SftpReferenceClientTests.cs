using System;
using System.IO;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>The lab's sshd works with OpenSSH's own sftp client (batch mode, the lab's key and known_hosts), and curl's sftp://.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpReferenceClientTests
    {
        private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
        private readonly SftpLabFixture lab;

        public SftpReferenceClientTests(SftpLabFixture lab)
        {
            this.lab = lab;
        }

        [LabFact]
        public void OpenSshSftpUploadsAndDownloadsByteIdentically()
        {
            var server = lab.Server;
            var work = Directory.CreateTempSubdirectory("ftptools-sftp-smoke-").FullName;
            try
            {
                var content = new byte[100_000];
                Random.Shared.NextBytes(content);
                File.WriteAllBytes(Path.Combine(work, "up.bin"), content);
                var batch = Path.Combine(work, "batch");
                File.WriteAllLines(batch, new[] { "put up.bin openssh.bin", "get openssh.bin down.bin", "ls -l" });
                var key = server.Ssh!.ClientKeys[0];
                var result = ExternalProcess.Run("/bin/sh", new[]
                {
                    "-c", "cd \"$1\" && exec " + new LabEnvironment().SftpClient + " -b \"$2\" -o BatchMode=yes -o StrictHostKeyChecking=yes -o \"UserKnownHostsFile=$3\" -i \"$4\" -P \"$5\" \"$6@$7\"",
                    "sh", work, batch, server.Ssh.KnownHostsFile, key.Path, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), server.User, server.Host,
                }, ToolTimeout);
                Assert.True(result.ExitCode == 0, "sftp failed (" + result.ExitCode + "): " + result.Errors + result.Output);
                Assert.Equal(content, File.ReadAllBytes(Path.Combine(server.RootDirectory, "openssh.bin")));
                Assert.Equal(content, File.ReadAllBytes(Path.Combine(work, "down.bin")));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [LabFact]
        public void CurlSftpDownloadsWithThePassword()
        {
            var server = lab.Server;
            var name = "curl-" + Guid.NewGuid().ToString("N") + ".txt";
            File.WriteAllText(Path.Combine(server.RootDirectory, name), "curl over sftp");
            // curl (libssh2) checks the host key against ~/.ssh/known_hosts: a home of its own with the lab's file.
            var home = Directory.CreateTempSubdirectory("ftptools-curl-home-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(home, ".ssh"));
                File.Copy(server.Ssh!.KnownHostsFile, Path.Combine(home, ".ssh", "known_hosts"));
                var result = ExternalProcess.Run(new LabEnvironment().Curl, new[]
                {
                    "-sS", "--max-time", "20", "-u", server.User + ":" + server.Password, "sftp://" + server.Host + ":" + server.Port + server.RootDirectory + "/" + name,
                }, ToolTimeout, environment: new System.Collections.Generic.Dictionary<string, string> { ["HOME"] = home });
                Assert.True(result.ExitCode == 0, "curl failed (" + result.ExitCode + "): " + result.Errors);
                Assert.Equal("curl over sftp", result.Output);
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }
}

using System;
using System.Linq;
using System.Net;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Diagnostics;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Sftp.Tests
{
    /// <summary>Test-FtpConnection -Protocol Sftp against the lab's sshd: the fingerprint to pin, authentication, a listing.</summary>
    [Collection(SftpLabCollection.Name)]
    public sealed class SftpConnectionProbeTests
    {
        private readonly SftpLabFixture lab;

        public SftpConnectionProbeTests(SftpLabFixture lab)
        {
            this.lab = lab;
        }

        private LabServer Server => lab.Server;

        [LabFact]
        public void An_untrusted_host_key_stops_before_the_password_and_prints_the_fingerprint_to_pin()
        {
            var report = new SftpConnectionProbe(Options()).Run(CancellationToken.None);

            Assert.False(report.Success);
            var hostKey = report.Attempts.Single(a => a.Step == ProbeStep.HostKey);
            Assert.False(hostKey.Success);
            var key = Server.Ssh!.HostKeys.Single(k => hostKey.Diagnosis.Contains(k.Fingerprint, StringComparison.Ordinal));
            Assert.Equal(ProbeDiagnoses.HostKeyToPin(key.Type, key.Fingerprint), hostKey.Diagnosis);
            Assert.Contains("-HostKeyFingerprint '" + key.Fingerprint + "'", report.Diagnosis.Single());
            Assert.DoesNotContain(report.Attempts, a => a.Step == ProbeStep.Authentication);
        }

        [LabFact]
        public void A_pinned_host_key_authenticates_lists_and_recommends_the_pin()
        {
            var options = Options();
            foreach (var key in Server.Ssh!.HostKeys) options.HostKeyFingerprints.Add(key.Fingerprint);

            var report = new SftpConnectionProbe(options).Run(CancellationToken.None);

            Assert.True(report.Success, string.Join(" | ", report.Diagnosis));
            Assert.Equal(new[] { ProbeStep.Reachability, ProbeStep.Greeting, ProbeStep.HostKey, ProbeStep.Authentication, ProbeStep.Listing }, report.Attempts.Select(a => a.Step));
            Assert.All(report.Attempts, a => Assert.True(a.Success, a.Diagnosis));
            var parameters = report.Recommended!.ConnectParameters.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(RemoteProtocol.Sftp, parameters["Protocol"]);
            Assert.Contains((string)Assert.Single((string[])parameters["HostKeyFingerprint"]), Server.Ssh.HostKeys.Select(k => k.Fingerprint));
            Assert.DoesNotContain(Server.Password, ProbeReportText.Format(report), StringComparison.Ordinal);
        }

        [LabFact]
        public void A_wrong_password_is_an_authentication_failure_after_a_trusted_host_key()
        {
            var options = Options("not-the-password");
            foreach (var key in Server.Ssh!.HostKeys) options.HostKeyFingerprints.Add(key.Fingerprint);

            var report = new SftpConnectionProbe(options).Run(CancellationToken.None);

            Assert.False(report.Success);
            Assert.True(report.Attempts.Single(a => a.Step == ProbeStep.HostKey).Success);
            Assert.StartsWith("Authentication as \"" + Server.User + "\" failed: ", report.Attempts.Single(a => a.Step == ProbeStep.Authentication).Diagnosis);
        }

        private ConnectionProbeOptions Options(string? password = null) => new ConnectionProbeOptions(Server.Host)
        {
            Port = Server.Port,
            Protocol = RemoteProtocol.Sftp,
            Credential = new NetworkCredential(Server.User, password ?? Server.Password),
            AttemptTimeout = TimeSpan.FromSeconds(20),
            SftpConnector = new SftpConnector(),
        };
    }
}

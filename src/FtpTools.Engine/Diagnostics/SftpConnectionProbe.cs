using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using FtpTools.Engine.Sftp;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>Test-FtpConnection for SFTP: reachability and SSH banner, the host key (its fingerprint, to pin), authentication, a listing.</summary>
    public sealed class SftpConnectionProbe
    {
        private readonly ConnectionProbeOptions options;
        private readonly ProbeJournal journal = new ProbeJournal(RemoteProtocol.Sftp);

        public SftpConnectionProbe(ConnectionProbeOptions options) => this.options = options ?? throw new ArgumentNullException(nameof(options));

        public ConnectionProbeReport Run(CancellationToken cancellationToken)
        {
            var port = options.EffectivePort;
            var banner = GreetingProbe.Run(options.Host, port, options.AttemptTimeout, options.EffectiveGreetingTimeout, cancellationToken);
            if (banner.Kind == GreetingKind.Unreachable)
            {
                journal.Add(string.Empty, string.Empty, ProbeStep.Reachability, false, null, banner.ConnectTime, ProbeDiagnoses.Unreachable(options.Host, port, banner.Failure), matters: true);
                return Finish(false, null);
            }

            journal.Add(string.Empty, string.Empty, ProbeStep.Reachability, true, null, banner.ConnectTime, "Connected to " + banner.Remote + ".", matters: false);
            if (banner.Kind != GreetingKind.Ssh)
            {
                journal.Add(string.Empty, string.Empty, ProbeStep.Greeting, false, banner.ReplyCode, banner.GreetingTime, ProbeDiagnoses.NotSsh(port, banner.Kind, banner.Text), matters: true);
                return Finish(false, null);
            }

            journal.Add(string.Empty, string.Empty, ProbeStep.Greeting, true, null, banner.GreetingTime, "The server identifies as \"" + banner.Text + "\".", matters: false);
            var user = options.Credential?.UserName;
            if (string.IsNullOrEmpty(user))
            {
                journal.Add("SSH", string.Empty, ProbeStep.Authentication, false, null, TimeSpan.Zero, "SFTP needs a user name and password: give -Credential.", matters: true);
                return Finish(false, null);
            }

            return Finish(Session(user!, cancellationToken), Recommend());
        }

        private bool Session(string user, CancellationToken cancellationToken)
        {
            var connector = options.SftpConnector ?? throw new InvalidOperationException("ConnectionProbeOptions.SftpConnector is required for SFTP.");
            var watch = Stopwatch.StartNew();
            ISftpFileSystem session;
            try
            {
                session = connector.Connect(ProbeConnections.Sftp(options), cancellationToken);
            }
            catch (SftpHostKeyException untrusted)
            {
                journal.Add("SSH", string.Empty, ProbeStep.HostKey, false, null, watch.Elapsed, ProbeDiagnoses.HostKeyToPin(untrusted.KeyType, untrusted.Fingerprint), matters: true);
                HostKeyFingerprint = untrusted.Fingerprint;
                return false;
            }
            catch (SftpAuthenticationException refused)
            {
                journal.Add("SSH", string.Empty, ProbeStep.HostKey, true, null, watch.Elapsed, "The server's host key is trusted.", matters: false);
                journal.Add("SSH", string.Empty, ProbeStep.Authentication, false, null, watch.Elapsed, ProbeDiagnoses.SftpAuthenticationFailed(user, refused.Message), matters: true);
                return false;
            }
            catch (FtpException failure)
            {
                journal.Add("SSH", string.Empty, ProbeStep.HostKey, false, failure.ReplyCode, watch.Elapsed, "The SSH connection failed: " + failure.Message, matters: true);
                return false;
            }
            catch (ArgumentException invalid)
            {
                journal.Add("SSH", string.Empty, ProbeStep.HostKey, false, null, watch.Elapsed, invalid.Message, matters: true);
                return false;
            }

            using (session)
            {
                var info = session.SessionInfo;
                HostKeyFingerprint = info.HostKeyFingerprint;
                journal.Add("SSH", string.Empty, ProbeStep.HostKey, true, null, watch.Elapsed, ProbeDiagnoses.HostKeyTrusted(info.HostKeyType, info.HostKeyFingerprint), matters: false);
                journal.Add("SSH", string.Empty, ProbeStep.Authentication, true, null, watch.Elapsed, "Authenticated as \"" + user + "\" by " + info.AuthenticationMethod + ".", matters: false);
                watch.Restart();
                try
                {
                    var listing = session.ListDirectory(null, cancellationToken);
                    journal.Add("SSH", string.Empty, ProbeStep.Listing, true, null, watch.Elapsed, "Listed " + listing.Items.Count + " entries of " + session.CurrentDirectory + ".", matters: false);
                    session.Disconnect(cancellationToken);
                    return true;
                }
                catch (FtpException failure)
                {
                    journal.Add("SSH", string.Empty, ProbeStep.Listing, false, null, watch.Elapsed, "The listing failed: " + failure.Message, matters: true);
                    return false;
                }
            }
        }

        private string? HostKeyFingerprint { get; set; }

        private ProbeRecommendation Recommend()
        {
            var parameters = new List<KeyValuePair<string, object>>
            {
                new KeyValuePair<string, object>("ComputerName", options.Host),
                new KeyValuePair<string, object>("Port", options.EffectivePort),
                new KeyValuePair<string, object>("Protocol", RemoteProtocol.Sftp),
            };
            if (options.KnownHostsFile != null) parameters.Add(new KeyValuePair<string, object>("KnownHostsFile", options.KnownHostsFile));
            else if (HostKeyFingerprint != null) parameters.Add(new KeyValuePair<string, object>("HostKeyFingerprint", new[] { HostKeyFingerprint }));
            return new ProbeRecommendation("SFTP on port " + options.EffectivePort, parameters);
        }

        private ConnectionProbeReport Finish(bool success, ProbeRecommendation? recommendation)
        {
            if (success && recommendation != null) journal.Lead("Use " + recommendation.Summary + ".");
            return journal.Report(options.Host, options.EffectivePort, success, success ? recommendation : null);
        }
    }
}

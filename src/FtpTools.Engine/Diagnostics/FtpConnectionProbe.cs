using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Threading;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>
    /// Test-FtpConnection for FTP and FTPS: reachability and greeting; explicit, implicit and plain logins; then, with the best
    /// encryption that works, EPSV, PASV to the control address, PASV to the server's address and active mode, each with a
    /// real listing; TLS session reuse; TLS 1.2 where TLS 1.3 data connections fail; with Deep a small round trip. Each attempt
    /// has its own timeout, so the whole run is bounded.
    /// </summary>
    public sealed class FtpConnectionProbe
    {
        private const int DeepFileSize = 4096;

        /// <summary>The engine names a rejected certificate's SHA-256 thumbprint in its message (64 hex digits).</summary>
        private static readonly System.Text.RegularExpressions.Regex Sha256Thumbprint =
            new System.Text.RegularExpressions.Regex(@"\b[0-9A-F]{64}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private readonly ConnectionProbeOptions options;
        private readonly ProbeJournal journal = new ProbeJournal(RemoteProtocol.Ftp);
        private IPAddress? controlAddress;
        private bool certificateRejected;
        private bool tlsReached;

        public FtpConnectionProbe(ConnectionProbeOptions options) => this.options = options ?? throw new ArgumentNullException(nameof(options));

        public ConnectionProbeReport Run(CancellationToken cancellationToken)
        {
            var logins = FindLogins(cancellationToken);
            if (logins.Count == 0) return Finish(false, null);

            var best = logins[0];
            var working = ProbeDataConnections(best, cancellationToken);
            if (working is null && best.Settings.Encryption != FtpEncryption.None && options.TlsProtocols == SslProtocols.None && best.TlsProtocol == "Tls13")
            {
                working = ProbeTls12(best, cancellationToken);
            }

            if (working is null)
            {
                journal.Note(ProbeDiagnoses.NothingWorks());
                return Finish(false, null);
            }

            if (working.Settings.Encryption == FtpEncryption.None) journal.Warn(ProbeDiagnoses.PlainOnly());
            var deepWorks = !options.Deep || RoundTrip(working, cancellationToken);
            var recommendation = Recommend(working);
            journal.Lead("Use " + recommendation.Summary + ".");
            return Finish(deepWorks, recommendation);
        }

        private static string? NamedThumbprint(string message)
        {
            var match = Sha256Thumbprint.Match(message);
            return match.Success ? match.Value : null;
        }

        private ConnectionProbeReport Finish(bool success, ProbeRecommendation? recommendation) => journal.Report(options.Host, options.EffectivePort, success, recommendation);

        /// <summary>The encryptions that log in, best first (explicit, implicit, plain).</summary>
        private List<WorkingLogin> FindLogins(CancellationToken cancellationToken)
        {
            var port = options.EffectivePort;
            var greeting = Greet(port, cancellationToken);
            var candidates = new List<FtpLoginSettings>();
            switch (greeting.Kind)
            {
                case GreetingKind.Ftp:
                    if (greeting.ReplyCode != 220 && greeting.ReplyCode != 120) break;
                    candidates.Add(new FtpLoginSettings(FtpEncryption.Explicit, port, options.TlsProtocols));
                    if (options.Port == 0 && Greet(FtpClientOptions.DefaultImplicitPort, cancellationToken).Kind == GreetingKind.Silent)
                        candidates.Add(new FtpLoginSettings(FtpEncryption.Implicit, FtpClientOptions.DefaultImplicitPort, options.TlsProtocols));
                    candidates.Add(new FtpLoginSettings(FtpEncryption.None, port, options.TlsProtocols));
                    break;
                case GreetingKind.Silent:
                    candidates.Add(new FtpLoginSettings(FtpEncryption.Implicit, port, options.TlsProtocols));
                    break;
                case GreetingKind.Unreachable:
                    if (options.Port == 0 && Greet(FtpClientOptions.DefaultImplicitPort, cancellationToken).Kind == GreetingKind.Silent)
                        candidates.Add(new FtpLoginSettings(FtpEncryption.Implicit, FtpClientOptions.DefaultImplicitPort, options.TlsProtocols));
                    break;
            }

            if (options.Encryption is FtpEncryption only) candidates.RemoveAll(candidate => candidate.Encryption != only);

            var working = new List<WorkingLogin>();
            foreach (var settings in candidates)
            {
                // Plain FTP sends the password in clear text: tried only when nothing encrypted got that far, or when asked for.
                if (settings.Encryption == FtpEncryption.None && options.Encryption != FtpEncryption.None && (working.Count > 0 || tlsReached)) continue;
                using (var client = Login(settings, true, cancellationToken))
                {
                    if (client is null) continue;
                    working.Add(new WorkingLogin(settings, client.TlsProtocol));
                    client.Disconnect(cancellationToken);
                }
            }

            if (working.Count == 0 && greeting.Kind == GreetingKind.Silent)
                journal.Note(ProbeDiagnoses.SilentNotTls(port, GreetingProbe.Seconds(options.EffectiveGreetingTimeout)));
            if (working.Count > 0 && working[0].Settings.Encryption == FtpEncryption.Implicit && greeting.Kind == GreetingKind.Silent)
                journal.Note(ProbeDiagnoses.ImplicitPort(port));
            if (working.Count == 0 && certificateRejected) journal.Note("Plain FTP was not tried: the server speaks TLS, so trust its certificate instead of sending the password unencrypted.");
            return working;
        }

        private GreetingProbe Greet(int port, CancellationToken cancellationToken)
        {
            var greeting = GreetingProbe.Run(options.Host, port, options.AttemptTimeout, options.EffectiveGreetingTimeout, cancellationToken);
            if (greeting.Kind == GreetingKind.Unreachable)
            {
                journal.Add(string.Empty, string.Empty, ProbeStep.Reachability, false, null, greeting.ConnectTime, ProbeDiagnoses.Unreachable(options.Host, port, greeting.Failure),
                    matters: port == options.EffectivePort);
                return greeting;
            }

            controlAddress ??= greeting.Remote!.Address;
            journal.Add(string.Empty, string.Empty, ProbeStep.Reachability, true, null, greeting.ConnectTime, "Connected to " + greeting.Remote + ".", matters: false);
            switch (greeting.Kind)
            {
                case GreetingKind.Ftp:
                    var code = greeting.ReplyCode;
                    var accepted = code == 220 || code == 120;
                    journal.Add(string.Empty, string.Empty, ProbeStep.Greeting, accepted, code, greeting.GreetingTime,
                        accepted ? ProbeDiagnoses.Greeting(greeting.Text) : ProbeDiagnoses.ServerRefused(greeting.Text), matters: !accepted);
                    break;
                case GreetingKind.Silent:
                    journal.Add(string.Empty, string.Empty, ProbeStep.Greeting, false, null, greeting.GreetingTime,
                        ProbeDiagnoses.SilentServer(port, GreetingProbe.Seconds(options.EffectiveGreetingTimeout)), matters: port == options.EffectivePort);
                    break;
                case GreetingKind.Closed:
                    journal.Add(string.Empty, string.Empty, ProbeStep.Greeting, false, null, greeting.GreetingTime, ProbeDiagnoses.ClosedAtOnce(port), matters: true);
                    break;
                case GreetingKind.Ssh:
                    journal.Add(string.Empty, string.Empty, ProbeStep.Greeting, false, null, greeting.GreetingTime, ProbeDiagnoses.SshPort(port, greeting.Text), matters: true);
                    break;
                default:
                    journal.Add(string.Empty, string.Empty, ProbeStep.Greeting, false, null, greeting.GreetingTime, ProbeDiagnoses.NotFtp(port, greeting.Text), matters: true);
                    break;
            }

            return greeting;
        }

        /// <summary>A logged-in client, or null after recording why not. record: add Tls and Login attempts (false when logging in only to test data connections).</summary>
        private FtpClient? Login(FtpLoginSettings settings, bool record, CancellationToken cancellationToken, Action<FtpTraceEntry>? trace = null, ProbeDataConnection? variant = null)
        {
            var client = new FtpClient(ProbeConnections.Ftp(options, settings, variant, trace ?? options.Trace));
            var watch = Stopwatch.StartNew();
            try
            {
                client.Connect(cancellationToken);
                if (record)
                {
                    if (client.TlsProtocol != null)
                    {
                        tlsReached = true;
                        journal.Add(settings.EncryptionName, string.Empty, ProbeStep.Tls, true, null, watch.Elapsed,
                            TlsNames.Readable(client.TlsProtocol) + ", " + client.TlsCipherSuite + "; certificate SHA-256 " + client.ServerCertificateThumbprint + ".", matters: false);
                    }

                    journal.Add(settings.EncryptionName, string.Empty, ProbeStep.Login, true, null, watch.Elapsed, "Logged in as \"" + UserName + "\" to " + settings.Describe(client.TlsProtocol) + ".", matters: false);
                }

                return client;
            }
            catch (FtpException failure)
            {
                var thumbprint = client.ServerCertificateThumbprint;
                client.Dispose();
                if (record) RecordLoginFailure(settings, failure, thumbprint, watch.Elapsed);
                else throw;
                return null;
            }
        }

        private void RecordLoginFailure(FtpLoginSettings settings, FtpException failure, string? thumbprint, TimeSpan elapsed)
        {
            var reply = failure.Reply?.ToString();
            ProbeStep step;
            string text;
            if (failure is FtpTlsException)
            {
                step = ProbeStep.Tls;
                if (failure.Command == "AUTH TLS" && reply != null)
                {
                    text = ProbeDiagnoses.ExplicitRefused(reply);
                }
                else if (!options.SkipCertificateValidation && failure.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    tlsReached = true;
                    certificateRejected = true;
                    text = ProbeDiagnoses.CertificateNotTrusted(failure.Message, thumbprint ?? NamedThumbprint(failure.Message));
                }
                else
                {
                    text = ProbeDiagnoses.TlsFailed(failure.Message);
                }
            }
            else if (failure.Phase == FtpPhase.Login)
            {
                step = ProbeStep.Login;
                if (settings.Encryption != FtpEncryption.None) tlsReached = true;
                var requiresTls = settings.Encryption == FtpEncryption.None && reply != null
                    && (reply.IndexOf("encrypt", StringComparison.OrdinalIgnoreCase) >= 0 || reply.IndexOf("TLS", StringComparison.Ordinal) >= 0 || reply.IndexOf("SSL", StringComparison.Ordinal) >= 0);
                text = requiresTls ? ProbeDiagnoses.EncryptionRequired(reply!) : ProbeDiagnoses.LoginFailed(UserName, reply ?? failure.Message);
            }
            else if (failure.Phase == FtpPhase.Tls)
            {
                step = ProbeStep.Tls;
                text = ProbeDiagnoses.TlsFailed(failure.Message);
            }
            else
            {
                step = failure.Phase == FtpPhase.Connect ? ProbeStep.Greeting : ProbeStep.Login;
                text = settings.Describe(null) + ": " + failure.Message;
            }

            journal.Add(settings.EncryptionName, string.Empty, step, false, failure.ReplyCode, elapsed, text, matters: true);
        }

        /// <summary>Lists over each data connection variant; returns the first that works, after checking its TLS session reuse.</summary>
        private WorkingSettings? ProbeDataConnections(WorkingLogin login, CancellationToken cancellationToken)
        {
            WorkingSettings? first = null;
            var passiveControlAddressWorks = false;
            foreach (var variant in ProbeDataConnection.InOrder)
            {
                // PASV carries only IPv4 addresses: over IPv6 there is nothing to try.
                if (variant.Mode == FtpDataConnectionMode.Passive && controlAddress?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) continue;
                var works = TryListing(login.Settings, variant, ProbeStep.Listing, passiveControlAddressWorks, first is null, cancellationToken);
                if (!works) continue;
                if (variant == ProbeDataConnection.PassiveControlAddress) passiveControlAddressWorks = true;
                first ??= new WorkingSettings(login.Settings, variant);
            }

            return first;
        }

        /// <summary>Proftpd-like servers refuse TLS 1.3 data connections that cannot resume the control session: the same with TLS 1.2.</summary>
        private WorkingSettings? ProbeTls12(WorkingLogin login, CancellationToken cancellationToken)
        {
            var settings = login.Settings.WithTls12();
            foreach (var variant in new[] { ProbeDataConnection.ExtendedPassive, ProbeDataConnection.PassiveControlAddress })
            {
                if (!TryListing(settings, variant, ProbeStep.TlsVersion, false, true, cancellationToken)) continue;
                journal.Note(ProbeDiagnoses.Tls12Needed());
                return new WorkingSettings(settings, variant);
            }

            return null;
        }

        private bool TryListing(FtpLoginSettings settings, ProbeDataConnection variant, ProbeStep step, bool passiveControlAddressWorks, bool checkReuse, CancellationToken cancellationToken)
        {
            var trace = new AttemptTrace(options.Trace);
            var watch = Stopwatch.StartNew();
            FtpClient? client = null;
            try
            {
                client = Login(settings, false, cancellationToken, trace.Record, variant)!;
                watch.Restart();
                var listing = client.ListDirectory(null, cancellationToken);
                journal.Add(settings.EncryptionName, variant.Name, step, true, null, watch.Elapsed, DescribeListing(variant, listing.Items.Count, trace), matters: false);
                NotePassiveAddress(variant, trace);
                if (checkReuse && client.TlsProtocol != null) CheckSessionReuse(client, settings, variant, cancellationToken);
                client.Disconnect(cancellationToken);
                return true;
            }
            catch (FtpException failure)
            {
                var text = DataFailureReader.Explain(variant, failure, trace, controlAddress ?? IPAddress.None, passiveControlAddressWorks);
                journal.Add(settings.EncryptionName, variant.Name, step, false, failure.ReplyCode, watch.Elapsed, text, matters: true, cause: DataFailureReader.Cause(text));
                return false;
            }
            finally
            {
                client?.Dispose();
            }
        }

        private void NotePassiveAddress(ProbeDataConnection variant, AttemptTrace trace)
        {
            if (variant != ProbeDataConnection.PassiveControlAddress || trace.PassiveAnnounced is null || controlAddress is null) return;
            if (!trace.PassiveAnnounced.Address.Equals(controlAddress)) journal.Note(ProbeDiagnoses.PrivatePassiveAddress(trace.PassiveAnnounced.Address, controlAddress, true));
        }

        private void CheckSessionReuse(FtpClient client, FtpLoginSettings settings, ProbeDataConnection variant, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var trace = new AttemptTrace(null);
            try
            {
                client.ListDirectory(null, cancellationToken);
                journal.Add(settings.EncryptionName, variant.Name, ProbeStep.TlsSessionReuse, true, null, watch.Elapsed, ProbeDiagnoses.SessionReuseWorks(), matters: false);
            }
            catch (FtpException failure)
            {
                journal.Add(settings.EncryptionName, variant.Name, ProbeStep.TlsSessionReuse, false, failure.ReplyCode, watch.Elapsed,
                    DataFailureReader.Explain(variant, failure, trace, controlAddress ?? IPAddress.None, true), matters: true);
            }
        }

        private string DescribeListing(ProbeDataConnection variant, int count, AttemptTrace trace)
        {
            var entries = count + (count == 1 ? " entry" : " entries");
            if (variant == ProbeDataConnection.Active)
                return "Listed " + entries + "; the server connected back to " + (trace.ActiveAdvertised?.ToString() ?? "this computer") + ".";
            var port = variant == ProbeDataConnection.ExtendedPassive ? trace.ExtendedPassivePort : trace.PassiveAnnounced?.Port;
            var address = variant.UseServerPassiveAddress ? trace.PassiveAnnounced?.Address : controlAddress;
            return "Listed " + entries + " over a data connection to " + (port is null || address is null ? "the server" : new IPEndPoint(address, port.Value).ToString()) + ".";
        }

        /// <summary>-Deep: a small file up, down and away again in a temporary folder, compared byte for byte.</summary>
        private bool RoundTrip(WorkingSettings working, CancellationToken cancellationToken)
        {
            var name = working.Settings.EncryptionName;
            var data = new byte[DeepFileSize];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(data);
            var step = ProbeStep.Upload;
            var watch = Stopwatch.StartNew();
            FtpClient? client = null;
            try
            {
                client = Login(working.Settings, false, cancellationToken, options.Trace, working.DataConnection);
                var folder = client!.ResolvePath("ftptools-probe-" + Guid.NewGuid().ToString("N").Substring(0, 12));
                var file = folder + "/probe.bin";
                client.CreateDirectory(folder, false, cancellationToken);
                client.Upload(new MemoryStream(data, false), file, FtpUploadMode.Overwrite, null, cancellationToken);
                journal.Add(name, working.DataConnection.Name, step, true, null, watch.Elapsed, "Uploaded " + DeepFileSize + " bytes to " + file + ".", matters: false);

                step = ProbeStep.Download;
                watch.Restart();
                var received = new MemoryStream();
                client.Download(file, received, 0, null, cancellationToken);
                var same = received.ToArray().SequenceEqual(data);
                journal.Add(name, working.DataConnection.Name, step, same, null, watch.Elapsed,
                    same ? "Downloaded " + received.Length + " bytes, identical to those uploaded." : ProbeDiagnoses.DeepMismatch(data.Length, received.Length), matters: !same);

                step = ProbeStep.Delete;
                watch.Restart();
                client.DeleteFile(file, cancellationToken);
                client.RemoveDirectory(folder, false, cancellationToken);
                journal.Add(name, working.DataConnection.Name, step, true, null, watch.Elapsed, "Deleted " + file + " and its folder.", matters: false);
                client.Disconnect(cancellationToken);
                if (same) journal.Note(ProbeDiagnoses.DeepWorks(DeepFileSize));
                return same;
            }
            catch (FtpException failure)
            {
                journal.Add(name, working.DataConnection.Name, step, false, failure.ReplyCode, watch.Elapsed, step + " failed: " + failure.Message, matters: true);
                return false;
            }
            finally
            {
                client?.Dispose();
            }
        }

        private ProbeRecommendation Recommend(WorkingSettings working)
        {
            var settings = working.Settings;
            var variant = working.DataConnection;
            var parameters = new List<KeyValuePair<string, object>>
            {
                Pair("ComputerName", options.Host),
                Pair("Port", settings.Port),
                Pair("Encryption", settings.Encryption),
                Pair("DataConnection", variant.RecommendedMode),
            };
            if (variant.UseServerPassiveAddress) parameters.Add(Pair("UseServerPassiveAddress", true));
            if (variant == ProbeDataConnection.Active && options.ActivePortRangeText != null) parameters.Add(Pair("ActivePortRange", options.ActivePortRangeText));
            if (variant == ProbeDataConnection.Active && options.ActiveExternalAddress != null) parameters.Add(Pair("ActiveExternalAddress", options.ActiveExternalAddress.ToString()));
            if (settings.Encryption != FtpEncryption.None)
            {
                if (options.PinnedCertificateThumbprints.Count > 0) parameters.Add(Pair("CertificateThumbprint", options.PinnedCertificateThumbprints.ToArray()));
                if (options.SkipCertificateValidation) parameters.Add(Pair("SkipCertificateCheck", true));
                var tlsNames = TlsNames.ParameterValues(settings.TlsProtocols);
                if (tlsNames.Length > 0) parameters.Add(Pair("TlsProtocol", tlsNames));
            }

            var mode = variant == ProbeDataConnection.Active ? "active mode" : "passive mode (" + variant.Name + ")";
            return new ProbeRecommendation(settings.Describe(null) + " with " + mode, parameters);
        }

        private static KeyValuePair<string, object> Pair(string name, object value) => new KeyValuePair<string, object>(name, value);

        private string UserName => string.IsNullOrEmpty(options.Credential?.UserName) ? "anonymous" : options.Credential!.UserName;

        private sealed class WorkingLogin
        {
            public WorkingLogin(FtpLoginSettings settings, string? tlsProtocol)
            {
                Settings = settings;
                TlsProtocol = tlsProtocol;
            }

            public FtpLoginSettings Settings { get; }

            public string? TlsProtocol { get; }
        }

        private sealed class WorkingSettings
        {
            public WorkingSettings(FtpLoginSettings settings, ProbeDataConnection dataConnection)
            {
                Settings = settings;
                DataConnection = dataConnection;
            }

            public FtpLoginSettings Settings { get; }

            public ProbeDataConnection DataConnection { get; }
        }
    }
}

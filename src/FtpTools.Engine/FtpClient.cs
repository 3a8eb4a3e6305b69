using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>One FTP/FTPS session. Synchronous; every call takes a CancellationToken. Not thread-safe: one caller at a time.</summary>
    public sealed partial class FtpClient : IRemoteFileSystem
    {
        private ControlConnection? connection;
        private FtpTlsContext? tls;
        private FtpDataConnectionMode effectiveDataMode;
        private string currentDirectory = "/";
        private int acceptedDataConnections;
        private System.Security.Authentication.SslProtocols? tlsProtocolsOverride;
        private byte[]? transferBuffer;

        public FtpClient(FtpClientOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            effectiveDataMode = options.DataConnectionMode;
        }

        public FtpClientOptions Options { get; }

        public RemoteProtocol Protocol => RemoteProtocol.Ftp;

        public bool CanSetModifiedTime => Features.Has("MFMT");

        /// <summary>False once the connection failed, or (checked with one socket poll) the server closed it or sent a 421 while idle.</summary>
        /// <summary>Whether the session can be used; a listing still open under the caller is no sign of a dead connection, though its final reply may wait.</summary>
        public bool IsConnected => connection != null && connection.IsUsable && (readRestOfOpenListing != null || !connection.HasEndedWhileIdle());

        public string Greeting { get; private set; } = string.Empty;

        public string? SystemType { get; private set; }

        public FtpFeatures Features { get; private set; } = FtpFeatures.Empty;

        /// <summary>"Tls12" or "Tls13" when the control connection is encrypted.</summary>
        public string? TlsProtocol { get; private set; }

        public string? TlsCipherSuite { get; private set; }

        /// <summary>SHA-256 of the server's certificate, upper-case hex: the value to pin.</summary>
        public string? ServerCertificateThumbprint => tls?.ServerCertificateThumbprint;

        public string CurrentDirectory => currentDirectory;

        /// <summary>The data connection mode in use now: Auto becomes Passive for good once a server refuses EPSV.</summary>
        public FtpDataConnectionMode EffectiveDataConnectionMode => effectiveDataMode;

        private bool ProtectsData => tls != null;

        /// <summary>Connects, negotiates TLS, logs in, reads FEAT, sets UTF-8 and binary type, reads the working directory.</summary>
        public void Connect(CancellationToken cancellationToken)
        {
            if (connection != null) throw new InvalidOperationException("This client is already connected; create a new FtpClient for a new session.");
            var socket = SocketConnector.Connect(Options.Host, Options.EffectivePort, Options.ConnectTimeout, cancellationToken);
            connection = new ControlConnection(socket, Options.ReadTimeout, Options.Trace);
            try
            {
                if (Options.Encryption != FtpEncryption.None) tls = new FtpTlsContext(Options, tlsProtocolsOverride ?? Options.TlsProtocols);
                if (Options.Encryption == FtpEncryption.Implicit) StartControlTls(null, cancellationToken);
                else AwaitPlainGreeting(cancellationToken);
                ReadGreeting(cancellationToken);
                if (Options.Encryption == FtpEncryption.Explicit) NegotiateExplicitTls(cancellationToken);
                Login(cancellationToken);
                if (tls != null)
                {
                    Execute("PBSZ 0", FtpPhase.Tls, cancellationToken, 2);
                    Execute("PROT P", FtpPhase.Tls, cancellationToken, 2);
                }

                var features = Execute("FEAT", cancellationToken);
                Features = features.Code == 211 ? FtpFeatures.Parse(features) : FtpFeatures.Empty;
                var utf8 = Execute("OPTS UTF8 ON", cancellationToken);
                connection.UseUtf8 = utf8.IsPositiveCompletion || Features.Has("UTF8");
                Execute("TYPE I", FtpPhase.Command, cancellationToken, 2);
                var system = Execute("SYST", cancellationToken);
                SystemType = system.IsPositiveCompletion ? system.Message : null;
                currentDirectory = ReadWorkingDirectory(cancellationToken);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Sends a command and returns the server's reply whatever its code.</summary>
        public FtpReply Execute(string command, CancellationToken cancellationToken)
        {
            var control = RequireConnection();
            control.Send(command, cancellationToken);
            return control.ReadReply(command, cancellationToken);
        }

        /// <summary>Sends a command and throws FtpCommandException unless the reply code is expected (a single digit d means any dxx).</summary>
        public FtpReply Execute(string command, FtpPhase phase, CancellationToken cancellationToken, params int[] expectedCodes)
        {
            var reply = Execute(command, cancellationToken);
            if (!IsExpected(reply, expectedCodes))
                throw new FtpCommandException(DescribeFailure(command, reply), phase, command, reply);
            return reply;
        }

        public string GetWorkingDirectory(CancellationToken cancellationToken)
        {
            currentDirectory = ReadWorkingDirectory(cancellationToken);
            return currentDirectory;
        }

        public void ChangeDirectory(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            WithPath(target, () => Execute("CWD " + target, FtpPhase.Command, cancellationToken, 2));
            currentDirectory = ReadWorkingDirectory(cancellationToken);
        }

        /// <summary>Sends QUIT and closes; never throws for a connection that is already gone.</summary>
        public void Disconnect(CancellationToken cancellationToken)
        {
            var control = connection;
            if (control is null) return;
            try
            {
                if (control.IsUsable)
                {
                    control.Send("QUIT", cancellationToken);
                    control.ReadReply("QUIT", cancellationToken);
                }
            }
            catch (FtpException)
            {
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                control.Dispose();
            }
        }

        public void Dispose() => connection?.Dispose();

        /// <summary>An absolute, normalized remote path for a path relative to the current directory; a path with CR, LF or NUL is refused here, before any command of the operation is sent.</summary>
        public string ResolvePath(string? path)
        {
            if (string.IsNullOrEmpty(path)) return currentDirectory;
            FtpCommandText.ValidatePath(path!);
            return FtpPath.Normalize(path!, currentDirectory);
        }

        internal static bool IsExpected(FtpReply reply, int[] expectedCodes)
        {
            foreach (var expected in expectedCodes)
                if (expected == reply.Code || (expected < 10 && reply.Code / 100 == expected)) return true;
            return false;
        }

        private static string DescribeFailure(string command, FtpReply reply)
        {
            var verb = FtpCommandText.Mask(command);
            return "The server answered " + verb + " with " + reply.Code + " " + reply.Lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim().TrimEnd('.') + ".";
        }

        private ControlConnection RequireConnection()
        {
            EndOpenListing();
            if (connection is null) throw new InvalidOperationException("Connect must be called first.");
            if (!connection.IsUsable)
                throw new FtpConnectionException("The session's control connection is closed (an earlier error or cancellation ended it); connect again.", FtpPhase.Command, isTransient: true);
            return connection;
        }

        /// <summary>How long a plain connection waits for the greeting before checking whether the port expects a TLS handshake.</summary>
        private static readonly TimeSpan GreetingProbeDelay = TimeSpan.FromSeconds(3);

        /// <summary>How long the TLS check waits for the server's answer to a ClientHello.</summary>
        private static readonly TimeSpan TlsProbeTimeout = TimeSpan.FromSeconds(3);

        /// <summary>
        /// An implicit-FTPS port waits for the client's TLS handshake and never sends a plain greeting, so "-Encryption Explicit"
        /// (or None) against it would wait the whole read timeout and say only "did not answer". After a few silent seconds
        /// the engine offers a TLS handshake: TLS records back mean implicit FTPS, and the error says so. Anything else is a
        /// slow server: it is connected to again (the handshake bytes spoilt the first connection) and given the whole timeout.
        /// </summary>
        private void AwaitPlainGreeting(CancellationToken cancellationToken)
        {
            var control = RequireConnection();
            if (Options.ReadTimeout <= GreetingProbeDelay || control.WaitForReply(GreetingProbeDelay)) return;
            cancellationToken.ThrowIfCancellationRequested();
            control.Trace(FtpTraceDirection.Info, "No greeting within " + GreetingProbeDelay.TotalSeconds + " s; checking whether the port expects a TLS handshake (implicit FTPS).");
            var speaksTls = control.AnswersTlsHandshake(TlsProbeTimeout);
            control.Dispose();
            if (speaksTls)
            {
                throw new FtpConnectionException(
                    "The server at " + Options.Host + ":" + Options.EffectivePort + " sent no FTP greeting within " + GreetingProbeDelay.TotalSeconds + " s but answered a TLS handshake: "
                    + "this port seems to speak implicit FTPS. Use -Encryption Implicit.", FtpPhase.Connect, isTransient: false) { Cause = FtpFailureCause.ImplicitTlsPort };
            }

            control.Trace(FtpTraceDirection.Info, "The port does not answer TLS: the server is slow to greet. Connecting again and waiting up to " + Options.ReadTimeout.TotalSeconds + " s.");
            var socket = SocketConnector.Connect(Options.Host, Options.EffectivePort, Options.ConnectTimeout, cancellationToken);
            connection = new ControlConnection(socket, Options.ReadTimeout, Options.Trace);
        }

        private void ReadGreeting(CancellationToken cancellationToken)
        {
            var control = RequireConnection();
            var greeting = control.ReadReply(null, cancellationToken);
            while (greeting.Code == 120) greeting = control.ReadReply(null, cancellationToken);
            if (greeting.Code != 220)
                throw new FtpConnectionException("The server refused the connection: " + greeting.Summary + ".", FtpPhase.Connect, null, greeting, greeting.IsTransientNegative);
            Greeting = greeting.Message;
        }

        private void NegotiateExplicitTls(CancellationToken cancellationToken)
        {
            var reply = Execute("AUTH TLS", cancellationToken);
            if (reply.Code != 234)
            {
                throw new FtpTlsException(
                    "The server refused AUTH TLS (" + reply.Summary + "): explicit FTPS is not available on " + Options.Host + ":" + Options.EffectivePort
                    + ". Use -Encryption Implicit if the server offers implicit FTPS (usually on port 990), or -Encryption None only if the network is trusted "
                    + "(the password and all data then travel in clear text). The password was not sent.",
                    "AUTH TLS", reply) { Cause = reply.IsPermanentNegative ? FtpFailureCause.AuthTlsRefused : FtpFailureCause.Unknown };
            }

            StartControlTls("AUTH TLS", cancellationToken);
        }

        private void StartControlTls(string? command, CancellationToken cancellationToken)
        {
            var control = RequireConnection();
            control.StartTls(tls!, command, cancellationToken);
            TlsProtocol = control.Tls!.SslProtocol.ToString();
            TlsCipherSuite = SslStreamRuntime.NegotiatedCipherSuite(control.Tls);
            control.Trace(FtpTraceDirection.Info, "TLS " + TlsProtocol + " " + TlsCipherSuite + ", certificate SHA-256 " + tls!.ServerCertificateThumbprint);
        }

        private void Login(CancellationToken cancellationToken)
        {
            var user = Options.Credential?.UserName;
            if (string.IsNullOrEmpty(user)) user = "anonymous";
            var reply = Execute("USER " + user, cancellationToken);
            if (reply.Code == 331 || reply.Code == 332)
            {
                var password = Options.Credential is null || string.IsNullOrEmpty(Options.Credential.UserName) ? "anonymous@" : Options.Credential.Password;
                reply = Execute("PASS " + password, cancellationToken);
            }

            if (reply.Code != 230 && reply.Code != 202)
                throw new FtpCommandException("Login as \"" + user + "\" failed: " + reply.Summary + ".", FtpPhase.Login, "USER " + user, reply);
        }

        private string ReadWorkingDirectory(CancellationToken cancellationToken)
        {
            var reply = Execute("PWD", FtpPhase.Command, cancellationToken, 257);
            return DirectoryReplyParser.ParsePath(reply) ?? throw new FtpProtocolException("The server's PWD reply names no directory: \"" + reply + "\".", FtpPhase.Command, "PWD", reply);
        }

        /// <summary>Runs an operation about a remote path, stamping that path on any FtpException it throws.</summary>
        private T WithPath<T>(string path, Func<T> operation)
        {
            try
            {
                return operation();
            }
            catch (FtpException exception) when (exception.RemotePath is null)
            {
                exception.RemotePath = path;
                throw;
            }
        }

        private IPAddress ControlPeerAddress => RequireConnection().RemoteEndPoint.Address;
    }
}

using System;
using System.Text;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace FtpTools.Sftp
{
    /// <summary>Opens SFTP sessions on SSH.NET. Created by SftpConnectorLoader inside the private load context; stateless.</summary>
    public sealed class SftpConnector : ISftpConnector
    {
        public ISftpFileSystem Connect(SftpConnectionOptions options, CancellationToken cancellationToken)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            cancellationToken.ThrowIfCancellationRequested();
            var trace = new SftpTrace(options.Trace);
            var where = options.Host + " port " + options.EffectivePort;
            var authentication = SftpAuthentication.Create(options, trace);
            SftpClient? client = null;
            try
            {
                var info = new ConnectionInfo(options.Host, options.EffectivePort, options.UserName, authentication.Methods)
                {
                    Timeout = options.ConnectTimeout,
                    Encoding = new UTF8Encoding(false),
                };
                SftpAlgorithms.Configure(info, options, trace);
                client = new SftpClient(info)
                {
                    OperationTimeout = options.OperationTimeout,
                    KeepAliveInterval = options.KeepAliveInterval > TimeSpan.Zero ? options.KeepAliveInterval : Timeout.InfiniteTimeSpan,
                };
                var verifier = new HostKeyVerifier(options, trace);
                client.HostKeyReceived += verifier.OnHostKeyReceived;
                client.ServerIdentificationReceived += (sender, e) => trace.Info("Server " + e.SshIdentification);
                trace.Info("Connecting to " + where + " (SSH, SFTP) as " + options.UserName + "; authentication offered: " + authentication.Offered + ".");
                try
                {
                    Connect(client, verifier, authentication, options, cancellationToken);
                }
                finally
                {
                    trace.OnCallerThread();
                }

                verifier.RecordIfNew();

                var negotiated = client.ConnectionInfo;
                var key = verifier.Decision!.Key;
                var session = new SshSessionInfo(
                    Text(negotiated.ServerVersion), key.Type, key.Fingerprint, verifier.Decision.Trust!.Value, Text(negotiated.CurrentKeyExchangeAlgorithm),
                    Text(negotiated.CurrentHostKeyAlgorithm), Text(negotiated.CurrentClientEncryption), Text(negotiated.CurrentServerEncryption),
                    MacOrCipher(negotiated.CurrentClientHmacAlgorithm, negotiated.CurrentClientEncryption), MacOrCipher(negotiated.CurrentServerHmacAlgorithm, negotiated.CurrentServerEncryption),
                    authentication.Succeeded ?? "unknown", client.ProtocolVersion);
                trace.Info("Key exchange " + session.KeyExchange + ", host key " + session.HostKeyAlgorithm + " " + session.HostKeyFingerprint + ", cipher " + session.Cipher + ", MAC " + session.Mac
                    + "; authenticated as " + options.UserName + " with " + session.AuthenticationMethod + "; SFTP version " + session.SftpProtocolVersion + ", directory " + client.WorkingDirectory + ".");
                return new SftpRemoteFileSystem(client, session, trace, options.Host);
            }
            catch
            {
                client?.Dispose();
                throw;
            }
            finally
            {
                // SSH.NET keeps what it needs of the keys and password in the connected session.
                authentication.Dispose();
            }
        }

        private static void Connect(SftpClient client, HostKeyVerifier verifier, SftpAuthentication authentication, SftpConnectionOptions options, CancellationToken cancellationToken)
        {
            var where = options.Host + " port " + options.EffectivePort;
            try
            {
                // ConnectAsync is the one SSH.NET entry point that can be cancelled; nothing here has a synchronization context.
                client.ConnectAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (verifier.Refusal != null && !(exception is OperationCanceledException))
            {
                throw verifier.Refusal;
            }
            catch (SshAuthenticationException exception)
            {
                verifier.RecordIfNew();
                var allowed = string.Join(", ", authentication.ServerAllows);
                throw new SftpAuthenticationException(
                    "The server at " + where + " did not accept user " + options.UserName + " with " + authentication.Offered + (allowed.Length > 0 ? " (it allows: " + allowed + ")" : string.Empty)
                    + ": " + exception.Message, exception);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception) when (exception is SshException || exception is System.Net.Sockets.SocketException || exception is System.IO.IOException || exception is TimeoutException)
            {
                throw new FtpConnectionException("Could not open an SSH session with " + where + ": " + exception.Message, FtpPhase.Connect, isTransient: IsTransient(exception), innerException: exception);
            }
        }

        /// <summary>
        /// Whether connecting again may help (Connect-FtpServer retries then): refused, reset, timed out, the server closing the
        /// connection or having too many. Not a host name that does not resolve (a typo or a missing DNS entry does not fix itself
        /// within a retry's wait), nor a disconnect the server gave a reason for, such as no common algorithm.
        /// </summary>
        private static bool IsTransient(Exception exception)
        {
            if (exception is System.Net.Sockets.SocketException socket)
                return socket.SocketErrorCode != System.Net.Sockets.SocketError.HostNotFound && socket.SocketErrorCode != System.Net.Sockets.SocketError.NoData;
            return !(exception is SshConnectionException connection) || connection.DisconnectReason == Renci.SshNet.Messages.Transport.DisconnectReason.ConnectionLost
                || connection.DisconnectReason == Renci.SshNet.Messages.Transport.DisconnectReason.None || connection.DisconnectReason == Renci.SshNet.Messages.Transport.DisconnectReason.TooManyConnections;
        }

        /// <summary>AEAD ciphers (aes*-gcm, chacha20-poly1305) have no separate MAC: then the cipher is named.</summary>
        private static string MacOrCipher(string? mac, string? cipher) => string.IsNullOrEmpty(mac) ? Text(cipher) : mac!;

        private static string Text(string? value) => value ?? string.Empty;
    }
}

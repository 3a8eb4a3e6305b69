using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>The control connection: sends command lines and reads replies, optionally over TLS.</summary>
    internal sealed class ControlConnection : IDisposable
    {
        private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1");

        private readonly Socket socket;
        private readonly Action<FtpTraceEntry>? trace;
        private readonly TimeSpan readTimeout;
        private readonly FtpReplyReader replyReader = new FtpReplyReader();
        private Stream stream;
        private FtpLineReader lineReader;

        public ControlConnection(Socket socket, TimeSpan readTimeout, Action<FtpTraceEntry>? trace)
        {
            this.socket = socket;
            this.readTimeout = readTimeout;
            this.trace = trace;
            socket.ReceiveTimeout = SocketConnector.ToMilliseconds(readTimeout);
            socket.SendTimeout = SocketConnector.ToMilliseconds(readTimeout);
            stream = new NetworkStream(socket, true);
            lineReader = new FtpLineReader(stream);
            RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
            LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        }

        public IPEndPoint RemoteEndPoint { get; }

        public IPEndPoint LocalEndPoint { get; }

        public SslStream? Tls => stream as SslStream;

        /// <summary>False once a read or write failed or was cancelled: the reply stream is no longer in step with the commands.</summary>
        public bool IsUsable { get; private set; } = true;

        /// <summary>UTF-8 once the server agreed to it (FEAT UTF8 or OPTS UTF8 ON); Latin-1 otherwise, so every byte round-trips.</summary>
        public bool UseUtf8 { get; set; } = true;

        public void Send(string command, CancellationToken cancellationToken)
        {
            FtpCommandText.Validate(command);
            var bytes = (UseUtf8 ? Encoding.UTF8 : Latin1).GetBytes(command + "\r\n");
            Trace(FtpTraceDirection.Sent, FtpCommandText.Mask(command));
            Guard(command, cancellationToken, () => stream.Write(bytes, 0, bytes.Length));
        }

        /// <summary>Reads one reply; the whole reply, not each read, must arrive within the read timeout.</summary>
        public FtpReply ReadReply(string? command, CancellationToken cancellationToken)
        {
            using (var deadline = new ReplyDeadline(socket, readTimeout))
            {
                try
                {
                    var reply = ReadReplyLines(command, cancellationToken);
                    // 421: the server is closing the control connection (idle timeout, shutdown, too many users).
                    if (reply.Code == 421) IsUsable = false;
                    return reply;
                }
                catch (FtpConnectionException exception) when (deadline.HasExpired)
                {
                    throw new FtpConnectionException("The server did not answer" + (command is null ? string.Empty : " " + FtpCommandText.Mask(command))
                        + " within " + readTimeout.TotalSeconds + " s (a complete reply is due within the read timeout).", FtpPhase.Command, command, innerException: exception);
                }
            }
        }

        private FtpReply ReadReplyLines(string? command, CancellationToken cancellationToken)
        {
            return Guard(command, cancellationToken, () =>
            {
                while (true)
                {
                    var line = lineReader.ReadLine();
                    if (line is null)
                        throw new FtpConnectionException("The server closed the control connection" + (command is null ? "." : " after " + FtpCommandText.Mask(command) + "."), FtpPhase.Command, command);
                    Trace(FtpTraceDirection.Received, line);
                    var reply = replyReader.Feed(line);
                    if (reply != null) return reply;
                }
            });
        }

        /// <summary>
        /// Between commands nothing is due from the server, so a readable socket means it closed the connection or sent something
        /// unasked (a 421 before closing it after an idle timeout or a restart). Either way the connection is no longer usable:
        /// it is marked so. One poll, no bytes sent or read.
        /// </summary>
        public bool HasEndedWhileIdle()
        {
            if (!IsUsable) return true;
            bool readable;
            try
            {
                readable = lineReader.BufferedByteCount > 0 || socket.Poll(0, SelectMode.SelectRead);
            }
            catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
            {
                readable = true;
            }

            if (!readable) return false;
            IsUsable = false;
            Trace(FtpTraceDirection.Info, "The server closed the control connection, or sent something unasked (a 421 when it is about to), while it was idle.");
            return true;
        }

        /// <summary>True when reply bytes are waiting or arrive within the timeout; reads nothing.</summary>
        public bool WaitForReply(TimeSpan timeout)
        {
            if (lineReader.BufferedByteCount > 0) return true;
            try
            {
                return socket.Poll((int)Math.Min(int.MaxValue, timeout.Ticks / 10), SelectMode.SelectRead);
            }
            catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
            {
                return true; // let the next read report the failure
            }
        }

        /// <summary>
        /// Upgrades the connection to TLS (after AUTH TLS, or at once for implicit FTPS). When the server answers the handshake
        /// with a plain FTP reply, the port does not speak implicit FTPS: that is said instead of "Cannot determine the frame size".
        /// </summary>
        public void StartTls(FtpTlsContext tls, string? command, CancellationToken cancellationToken)
        {
            if (lineReader.BufferedByteCount > 0)
                throw new FtpProtocolException("The server sent data after its reply to AUTH TLS and before the TLS handshake.", FtpPhase.Tls, command);
            var recorder = new FirstBytesRecorder(stream);
            try
            {
                stream = Guard(command, cancellationToken, () => tls.AuthenticateControl(recorder, command));
            }
            catch (FtpException exception) when (command is null && recorder.FtpReplyLine != null)
            {
                throw new FtpTlsException(
                    "The server at " + RemoteEndPoint + " sent a plain FTP greeting (\"" + recorder.FtpReplyLine + "\") instead of a TLS handshake: this port does not speak "
                    + "implicit FTPS. Use -Encryption Explicit (the default) for FTPS with AUTH TLS on this port, or connect to the server's implicit FTPS port (usually 990).",
                    null, null, exception) { Cause = FtpFailureCause.PlainFtpPort };
            }

            lineReader = new FtpLineReader(stream);
        }

        /// <summary>
        /// For a server that sends no greeting: whether it answers a TLS ClientHello with TLS records within timeout (then the
        /// port speaks implicit FTPS). Nothing but the ClientHello is sent; the certificate is not looked at. The connection is
        /// unusable afterwards either way.
        /// </summary>
        public bool AnswersTlsHandshake(TimeSpan timeout)
        {
            IsUsable = false;
            var recorder = new FirstBytesRecorder(stream);
            socket.ReceiveTimeout = SocketConnector.ToMilliseconds(timeout);
            socket.SendTimeout = SocketConnector.ToMilliseconds(timeout);
            try
            {
                using (var probe = new SslStream(recorder, true, (sender, certificate, chain, errors) => true))
                    probe.AuthenticateAsClient("ftptools-probe.invalid");
                return true;
            }
            catch (Exception exception) when (exception is System.Security.Authentication.AuthenticationException || exception is IOException
                                              || exception is SocketException || exception is ObjectDisposedException)
            {
                return recorder.SawTls;
            }
        }

        public void Trace(FtpTraceDirection direction, string text) => trace?.Invoke(new FtpTraceEntry(direction, text));

        public void Dispose()
        {
            IsUsable = false;
            try
            {
                stream.Dispose();
            }
            catch (IOException)
            {
            }

            socket.Dispose();
        }

        private void Guard(string? command, CancellationToken cancellationToken, Action action) =>
            Guard<object?>(command, cancellationToken, () =>
            {
                action();
                return null;
            });

        private T Guard<T>(string? command, CancellationToken cancellationToken, Func<T> action)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using (cancellationToken.Register(state => ((Socket)state!).Dispose(), socket))
                    return action();
            }
            catch (Exception exception) when (exception is IOException || exception is SocketException || exception is ObjectDisposedException)
            {
                IsUsable = false;
                if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException("The operation was cancelled; the session is closed.", exception, cancellationToken);
                if (FindSocketError(exception) == SocketError.TimedOut)
                    throw new FtpConnectionException("The server did not answer" + (command is null ? string.Empty : " " + FtpCommandText.Mask(command)) + " within " + readTimeout.TotalSeconds + " s.", FtpPhase.Command, command, innerException: exception);
                throw new FtpConnectionException("The control connection to " + RemoteEndPoint + " failed" + (command is null ? string.Empty : " at " + FtpCommandText.Mask(command))
                    + ": " + SocketFailureText.Describe(exception) + ".", FtpPhase.Command, command, innerException: exception);
            }
            catch (FtpException)
            {
                IsUsable = false;
                throw;
            }
        }

        internal static SocketError? FindSocketError(Exception exception)
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
                if (current is SocketException socketException) return socketException.SocketErrorCode;
            return null;
        }
    }
}

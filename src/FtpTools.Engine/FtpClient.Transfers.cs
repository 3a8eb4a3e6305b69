using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;

namespace FtpTools.Engine
{
    public sealed partial class FtpClient
    {
        private static readonly Regex PreliminarySize = new Regex(@"\((\d+) bytes\)", RegexOptions.CultureInvariant);

        /// <summary>How long to wait for the server's final reply after a transfer was interrupted, to keep the session usable.</summary>
        private static readonly TimeSpan ResyncTimeout = TimeSpan.FromSeconds(10);

        /// <summary>Downloads path into destination, starting at restartOffset (REST). Returns the bytes written.</summary>
        public long Download(string path, System.IO.Stream destination, long restartOffset, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            if (restartOffset < 0) throw new ArgumentOutOfRangeException(nameof(restartOffset));
            var target = ResolvePath(path);
            return WithPath(target, () =>
            {
                long written = 0;
                try
                {
                    RunTransfer("RETR " + target, target, restartOffset, isUpload: false, progress, cancellationToken,
                        (data, monitor) => CopyData(data, new LocalStreamGuard(destination, "Writing the local file"), monitor, copied => written += copied, cancellationToken),
                        rewind: () => written == 0);
                }
                catch (FtpCommandException exception) when (written == 0 && IsDiagnosable(exception))
                {
                    var what = "Cannot download " + target;
                    var existing = GetItem(target, cancellationToken);
                    if (existing is null) throw Diagnosed(exception, what, FtpFailureCause.NotFound, "it does not exist");
                    if (existing.Type == FtpItemType.Directory) throw Diagnosed(exception, what, FtpFailureCause.Unknown, "it is a directory");
                    throw Diagnosed(exception, what, FtpFailureCause.PermissionDenied, "it exists, so this account probably lacks permission to read it");
                }

                return written;
            });
        }

        /// <summary>Uploads source to path. Resume reads the remote size, seeks source there and continues. Returns the bytes sent.</summary>
        public long Upload(System.IO.Stream source, string path, FtpUploadMode mode, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            var target = ResolvePath(path);
            return WithPath(target, () =>
            {
                long offset = 0;
                var command = (mode == FtpUploadMode.Overwrite ? "STOR " : "APPE ") + target;
                if (mode == FtpUploadMode.Resume)
                {
                    // APPE from the remote size: the same as REST+STOR, and unlike it accepted by every server
                    // (proftpd refuses REST before STOR unless AllowStoreRestart is on).
                    offset = UploadResumePoint.SeekSourceToRemoteSize(this, source, target, cancellationToken);
                }

                long sent = 0;
                var total = source.CanSeek ? source.Length : (long?)null;
                try
                {
                    RunTransfer(command, target, 0, isUpload: true, progress, cancellationToken,
                        (data, monitor) => CopyData(new LocalStreamGuard(source, "Reading the local file"), data, monitor, copied => sent += copied, cancellationToken), total, offset, () =>
                    {
                        if (!source.CanSeek) return false;
                        source.Seek(offset, SeekOrigin.Begin);
                        sent = 0;
                        return true;
                    });
                }
                catch (FtpCommandException exception) when (sent == 0 && IsDiagnosable(exception))
                {
                    // vsftpd answers STOR into a missing folder with a bare "553 Could not create file".
                    var what = "Cannot upload to " + target;
                    var parent = FtpPath.GetParent(target);
                    if (parent != "/" && !DirectoryExists(parent, cancellationToken))
                        throw Diagnosed(exception, what, FtpFailureCause.ParentNotFound, "the remote folder " + parent + " does not exist");
                    if (GetItem(target, cancellationToken)?.Type == FtpItemType.Directory)
                        throw Diagnosed(exception, what, FtpFailureCause.Unknown, "a remote directory has that name");
                    throw Diagnosed(exception, what, FtpFailureCause.PermissionDenied, "this account probably lacks permission to write there");
                }

                EnsureUploadComplete(target, command, source.CanSeek && mode != FtpUploadMode.Append ? offset + sent : (long?)null, cancellationToken);
                return sent;
            });
        }

        /// <summary>
        /// A data connection cut short by a middlebox looks to the server like the end of the file, and it answers 226 for a
        /// truncated file: the server's size, read back, tells (one SIZE per upload).
        /// </summary>
        private void EnsureUploadComplete(string target, string command, long? expected, CancellationToken cancellationToken)
        {
            if (!(expected is long length) || !Features.Has("SIZE")) return;
            if (TryGetSize(target, cancellationToken) is long actual && actual < length)
                throw new FtpConnectionException("The upload of " + target + " is incomplete: the server has " + actual + " of the " + length
                    + " bytes sent, although it reported the transfer complete (the data connection was probably cut short).", FtpPhase.Transfer, command) { RemotePath = target };
        }

        /// <summary>The copy loop of every transfer; copied sees each chunk as it lands, so a failed attempt knows how much it moved.</summary>
        private void CopyData(System.IO.Stream from, System.IO.Stream to, TransferMonitor monitor, Action<int> copied, CancellationToken cancellationToken)
        {
            // One buffer per session: a tree of small files would otherwise allocate one per file.
            if (transferBuffer is null || transferBuffer.Length != Options.TransferBufferSize) transferBuffer = new byte[Options.TransferBufferSize];
            var buffer = transferBuffer;
            // A TLS stream returns one record (at most 16 KiB) per read: fill the buffer before writing, so a 1 GiB
            // download is a few thousand writes rather than 65,000.
            var filled = 0;
            int read;
            while ((read = from.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
                monitor.Advance(read, cancellationToken);
                if (filled < buffer.Length) continue;
                to.Write(buffer, 0, filled);
                copied(filled);
                filled = 0;
            }

            if (filled > 0)
            {
                to.Write(buffer, 0, filled);
                copied(filled);
            }
        }

        /// <summary>Runs a command whose data comes back over a data connection (LIST, MLSD, NLST) and returns the lines.</summary>
        private System.Collections.Generic.List<string> ReadDataLines(string command, string path, CancellationToken cancellationToken)
        {
            var lines = new System.Collections.Generic.List<string>();
            ReadDataLines(command, path, lines.Add, cancellationToken);
            return lines;
        }

        /// <summary>
        /// Runs a command whose data comes back over a data connection and passes each non-empty line to onLine as it arrives.
        /// A command sent from inside onLine (a pipeline downstream acting on each entry over the same session) first reads the
        /// rest of the data into memory and ends the transfer, so the control connection is free; the lines read then follow.
        /// An exception from onLine closes the data connection, brings the session back in step and passes on unchanged.
        /// </summary>
        private void ReadDataLines(string command, string path, Action<string> onLine, CancellationToken cancellationToken)
        {
            var delivered = 0;
            try
            {
                RunTransfer(command, path, 0, isUpload: false, null, cancellationToken, [MethodImpl(HotPath.Optimized)] (Stream data, TransferMonitor monitor) =>
                {
                    var reader = new FtpLineReader(data, 64 * 1024);
                    var finishEarly = finishDataEarly;
                    System.Collections.Generic.Queue<string>? rest = null;
                    Action readRest = () =>
                    {
                        rest = new System.Collections.Generic.Queue<string>();
                        string? pending;
                        while ((pending = reader.ReadLine()) != null)
                        {
                            monitor.Advance(pending.Length, cancellationToken);
                            if (pending.Length > 0) rest.Enqueue(pending);
                        }

                        finishEarly?.Invoke();
                    };
                    string? line;
                    while (rest is null && (line = reader.ReadLine()) != null)
                    {
                        monitor.Advance(line.Length, cancellationToken);
                        if (line.Length == 0) continue;
                        delivered++;
                        Deliver(onLine, line, readRest);
                    }

                    while (rest != null && rest.Count > 0)
                    {
                        delivered++;
                        Deliver(onLine, rest.Dequeue(), null);
                    }
                }, rewind: () => delivered == 0);
            }
            catch (ListingConsumerException stopped)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(stopped.InnerException!).Throw();
                throw;
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Deliver(Action<string> onLine, string line, Action? readRest)
        {
            var outer = readRestOfOpenListing;
            readRestOfOpenListing = readRest;
            try
            {
                onLine(line);
            }
            catch (Exception exception)
            {
                throw new ListingConsumerException(exception);
            }
            finally
            {
                readRestOfOpenListing = outer;
            }
        }

        /// <summary>Set while a listing's lines are handed out with its data connection open: reads the rest and ends the transfer.</summary>
        private Action? readRestOfOpenListing;

        /// <summary>Set while a transfer's data is copied: closes the data connection and reads the final reply, for readRestOfOpenListing.</summary>
        private Action? finishDataEarly;

        /// <summary>Before any command: a listing still open under the caller is read to its end, so the control connection is in step.</summary>
        private void EndOpenListing()
        {
            var readRest = readRestOfOpenListing;
            if (readRest is null) return;
            readRestOfOpenListing = null;
            readRest();
        }

        /// <summary>Carries what a listing's consumer threw past the transfer's own error handling, to be rethrown as it was.</summary>
        private sealed class ListingConsumerException : Exception
        {
            public ListingConsumerException(Exception inner)
                : base(inner.Message, inner)
            {
            }
        }

        /// <summary>
        /// Runs a transfer; once per session, retries it over a TLS 1.2 session when the server refuses a TLS 1.3 data
        /// connection after an earlier one worked. Such servers (proftpd) demand that every data connection resumes the
        /// control connection's own session, but under TLS 1.3 each data connection brings new session tickets that
        /// .NET's client cache keeps in place of the control session's, so the second data connection resumes the first's.
        /// Under TLS 1.2 a resumed session keeps its identity. rewind undoes what the failed attempt consumed; false: cannot retry.
        /// </summary>
        private void RunTransfer(string command, string path, long restartOffset, bool isUpload, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken,
            Action<System.IO.Stream, TransferMonitor> copy, long? knownTotal = null, long startingBytes = -1, Func<bool>? rewind = null)
        {
            try
            {
                RunTransferOnce(command, path, restartOffset, isUpload, progress, cancellationToken, copy, knownTotal, startingBytes);
            }
            catch (FtpException exception) when (RefusedTls13Resumption(exception) && (rewind?.Invoke() ?? true))
            {
                ReconnectWithTls12(exception, cancellationToken);
                RunTransferOnce(command, path, restartOffset, isUpload, progress, cancellationToken, copy, knownTotal, startingBytes);
            }
        }

        private bool RefusedTls13Resumption(FtpException exception) =>
            (exception.ReplyCode == 425 || exception.ReplyCode == 522) && TlsProtocol == "Tls13" && Options.TlsProtocols == System.Security.Authentication.SslProtocols.None
            && acceptedDataConnections > 0 && tlsProtocolsOverride is null;

        private void ReconnectWithTls12(FtpException refusal, CancellationToken cancellationToken)
        {
            var directory = currentDirectory;
            connection?.Trace(FtpTraceDirection.Info, "The server refused a TLS 1.3 data connection (" + refusal.Reply + ") after an earlier one worked: it requires the control "
                + "connection's own TLS session, which TLS 1.3 session tickets do not preserve here. Reconnecting with TLS 1.2 for the rest of this session.");
            connection?.Dispose();
            connection = null;
            tlsProtocolsOverride = System.Security.Authentication.SslProtocols.Tls12;
            Connect(cancellationToken);
            if (directory != currentDirectory) ChangeDirectory(directory, cancellationToken);
        }

        private void RunTransferOnce(string command, string path, long restartOffset, bool isUpload, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken,
            Action<System.IO.Stream, TransferMonitor> copy, long? knownTotal, long startingBytes)
        {
            var control = RequireConnection();
            using (var channel = OpenDataChannel(cancellationToken))
            {
                if (restartOffset > 0) Execute("REST " + restartOffset.ToString(CultureInfo.InvariantCulture), FtpPhase.Transfer, cancellationToken, 350);
                control.Send(command, cancellationToken);
                if (channel.IsActive) AwaitConnectBack(control, channel, command, Options.DataTimeout, cancellationToken);
                var preliminary = control.ReadReply(command, cancellationToken);
                if (preliminary.IsPositiveCompletion) return; // some servers answer an empty listing with 226 and no data connection
                if (!preliminary.IsPositivePreliminary) throw TransferRefused(command, preliminary, channel);

                var total = knownTotal ?? ParsePreliminarySize(preliminary, restartOffset);
                var monitor = new TransferMonitor(control, Options.Clock, Options.KeepAliveInterval, progress, path, startingBytes >= 0 ? startingBytes : restartOffset, total);
                FtpReply? final = null;
                try
                {
                    channel.Open(tls, command, cancellationToken);
                    using (channel.CancelOn(cancellationToken))
                    {
                        // A listing whose reader sends a command before the data ends has read the rest of the data: the transfer ends there.
                        finishDataEarly = () =>
                        {
                            finishDataEarly = null;
                            channel.FinishDownload();
                            channel.Dispose();
                            final = ReadTransferReply(command, monitor.KeepAlivesSent, cancellationToken);
                        };
                        try
                        {
                            copy(channel.Stream, monitor);
                        }
                        finally
                        {
                            finishDataEarly = null;
                        }

                        // A stalled transfer is cut by shutting the socket down (DataChannel.CancelOn): a download sees that as the end of the data.
                        cancellationToken.ThrowIfCancellationRequested();
                        if (final is null && isUpload) channel.FinishUpload();
                        else if (final is null) channel.FinishDownload();
                    }
                }
                catch (Exception exception) when (final is null)
                {
                    // Whatever stopped the copy, the data connection is closed and the control connection brought back in step;
                    // an exception that is no transfer failure (a listing's consumer stopped reading) then goes on unchanged.
                    channel.BeginAbort();
                    var abortSent = false;
                    if (!isUpload && control.IsUsable)
                    {
                        // RFC 959 order: ABOR while the data connection is still open, so the server stops and closes it.
                        // proftpd ends the whole session when a TLS data connection breaks under it mid-write.
                        abortSent = TrySendAbort(control);
                        if (abortSent) channel.DiscardIncoming(AbortDrainLimit);
                    }

                    channel.Abort(isUpload);
                    var serverReply = TryResync(command, monitor.KeepAlivesSent, abortSent);
                    if (serverReply != null && serverReply.Code != 425 && serverReply.Code != 522) acceptedDataConnections++;
                    if (!IsTransferFailure(exception)) throw;
                    if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException("The transfer was cancelled.", exception, cancellationToken);
                    if (exception is FtpException) throw;
                    if (exception is LocalStreamException local)
                        throw new LocalStreamException("The transfer of " + path + " stopped after " + monitor.Describe() + ": " + local.Message
                            + (LocalStreamException.IsDiskFull(local.InnerException) ? " (the local disk is full)." : "."), local.InnerException!);
                    throw new FtpConnectionException(
                        "The transfer of " + path + " over " + channel.Description + " failed after " + monitor.Describe() + ": " + SocketFailureText.Describe(exception) + "."
                        + (serverReply is null ? string.Empty : " The server said: " + serverReply.Summary + "."),
                        FtpPhase.Transfer, command, serverReply, innerException: exception);
                }

                if (final is null)
                {
                    channel.Dispose();
                    final = ReadTransferReply(command, monitor.KeepAlivesSent, cancellationToken);
                }

                if (!final.IsPositiveCompletion)
                {
                    if (final.Code == 426 || final.Code == 425)
                        throw new FtpConnectionException("The server aborted the transfer of " + path + " over " + channel.Description + " after " + monitor.Describe() + ": " + final.Summary + ".", FtpPhase.Transfer, command, final);
                    throw new FtpCommandException(DescribeFailure(command, final), FtpPhase.Transfer, command, final);
                }

                acceptedDataConnections++;
                if (!isUpload && total.HasValue && monitor.BytesTransferred < total.Value && command.StartsWith("RETR ", StringComparison.Ordinal))
                    throw IncompleteDownload(path, command, monitor.BytesTransferred, total.Value, final);
                monitor.Complete();
            }
        }

        /// <summary>
        /// Active mode: many servers (vsftpd, pure-ftpd) connect back before they send the preliminary reply, so behind a
        /// client firewall that drops the connection the reply would come only after the server's own connect timeout, or
        /// the read would time out first with nothing said about why. The wait is bounded by DataTimeout instead; then the
        /// session is closed, since the server's late reply would put the control connection out of step.
        /// </summary>
        private static void AwaitConnectBack(ControlConnection control, DataChannel channel, string command, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!control.WaitForReply(ConnectBackPollInterval) && !channel.HasPendingConnection)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    control.Dispose();
                    throw new OperationCanceledException("The operation was cancelled; the session is closed.", cancellationToken);
                }

                if (waited.Elapsed < timeout) continue;
                control.Trace(FtpTraceDirection.Info, "Active mode: no reply to " + FtpCommandText.Mask(command) + " and no data connection within " + timeout.TotalSeconds
                    + " s; closing the session, since the server may answer later.");
                control.Dispose();
                throw channel.ConnectBackTimedOut(command, " The session was closed; connect again.");
            }
        }

        private static readonly TimeSpan ConnectBackPollInterval = TimeSpan.FromMilliseconds(100);

        private static bool IsTransferFailure(Exception exception) =>
            exception is IOException || exception is SocketException || exception is ObjectDisposedException || exception is FtpException
            || exception is OperationCanceledException || exception is UnauthorizedAccessException || exception is NotSupportedException;

        /// <summary>
        /// Reads the transfer's final reply and gets the control connection back in step after keepalive NOOPs. Servers
        /// differ: pyftpdlib answers NOOPs during the transfer, vsftpd after it, pure-ftpd not at all. So NOOP answers
        /// before the final reply are skipped, and if any may still come, a PWD marks the point where the stream is in step.
        /// </summary>
        private FtpReply ReadTransferReply(string command, int keepAlivesSent, CancellationToken cancellationToken)
        {
            var control = RequireConnection();
            var unanswered = keepAlivesSent;
            FtpReply reply;
            while (true)
            {
                reply = control.ReadReply(command, cancellationToken);
                // pure-ftpd answers a NOOP sent during a transfer with 500; no transfer ends with 500-502.
                if (unanswered == 0 || !IsKeepAliveAnswer(reply)) break;
                unanswered--;
            }

            if (unanswered > 0)
            {
                control.Send("PWD", cancellationToken);
                for (var read = 0; ; read++)
                {
                    if (read > unanswered)
                        throw new FtpProtocolException("The control connection did not get back in step after keepalive NOOPs: no reply to PWD.", FtpPhase.Transfer, "PWD");
                    if (control.ReadReply("PWD", cancellationToken).Code == 257) break;
                }
            }

            return reply;
        }

        /// <summary>
        /// After an interrupted transfer: ABOR (RFC 959 4.1.3) and read the two replies servers send for it (426 and 226
        /// while the transfer ran, or the transfer's own reply and 225/226). pure-ftpd reads nothing but ABOR while a
        /// transfer runs, so any other command sent with it is lost; only when the count is uncertain (a reply missing,
        /// keepalive answers outstanding) is a PWD sent afterwards as a marker, and the stream read up to its 257.
        /// Returns the first reply about the transfer, or null and closes the session if it cannot get back in step.
        /// </summary>
        private FtpReply? TryResync(string command, int keepAlivesSent, bool abortSent)
        {
            var control = connection;
            if (control is null || !control.IsUsable) return null;
            try
            {
                using (var limit = new CancellationTokenSource(ResyncTimeout))
                {
                    if (!abortSent) control.Send("ABOR", limit.Token);
                    var replies = new System.Collections.Generic.List<FtpReply>();
                    while (replies.Count < 2 && (replies.Count == 0 || control.WaitForReply(AbortSecondReplyWait)))
                    {
                        var reply = control.ReadReply("ABOR", limit.Token);
                        if (!IsKeepAliveAnswer(reply)) replies.Add(reply);
                    }

                    if (replies.Count < 2 || keepAlivesSent > 0)
                    {
                        control.Send("PWD", limit.Token);
                        for (var read = 0; ; read++)
                        {
                            if (read > keepAlivesSent + 3) throw new FtpProtocolException("No reply to PWD after ABOR.", FtpPhase.Transfer, "PWD");
                            if (control.ReadReply("PWD", limit.Token).Code == 257) break;
                        }
                    }

                    return replies.Count > 0 ? replies[0] : null;
                }
            }
            catch (Exception exception) when (exception is FtpException || exception is OperationCanceledException)
            {
                control.Trace(FtpTraceDirection.Info, "Could not get the control connection back in step after the interrupted transfer (" + exception.Message + "); closing the session.");
            }

            control.Dispose();
            return null;
        }

        private static readonly TimeSpan AbortSecondReplyWait = TimeSpan.FromSeconds(2);

        /// <summary>How long an aborted download's remaining data is discarded while waiting for the server to close it.</summary>
        private static readonly TimeSpan AbortDrainLimit = TimeSpan.FromSeconds(2);

        private static bool TrySendAbort(ControlConnection control)
        {
            try
            {
                using (var limit = new CancellationTokenSource(ResyncTimeout))
                    control.Send("ABOR", limit.Token);
                return true;
            }
            catch (Exception exception) when (exception is FtpException || exception is OperationCanceledException)
            {
                return false;
            }
        }

        private static bool IsKeepAliveAnswer(FtpReply reply) => reply.Code == 200 || reply.Code == 500 || reply.Code == 501 || reply.Code == 502;

        private static long? ParsePreliminarySize(FtpReply reply, long restartOffset)
        {
            var match = PreliminarySize.Match(reply.Message);
            if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return null;
            // vsftpd names the whole file size; proftpd names what is left after REST. Either way the total is at least the offset.
            return size >= restartOffset ? size : size + restartOffset;
        }

        /// <summary>The data connection ended cleanly and the server said 226, but fewer bytes came than its 150 reply announced.</summary>
        private static FtpConnectionException IncompleteDownload(string path, string command, long received, long announced, FtpReply final) =>
            new FtpConnectionException(
                "The download of " + path + " is incomplete: the data connection ended after " + received + " of the " + announced + " bytes the server announced, "
                + "although the server reported success (" + final + "). The connection was probably cut on the way; try again.",
                FtpPhase.Transfer, command, final);

        private Exception TransferRefused(string command, FtpReply reply, DataChannel channel)
        {
            if (reply.Code == 425 || reply.Code == 426)
            {
                var cause = channel.IsActive
                    ? " In active mode the server must connect to this computer; a firewall or NAT on the client side usually blocks that. Use passive mode, or forward the active port range and advertise the external address."
                    : " The server could not use the data connection in " + channel.Description + "; a firewall between client and server may block the passive port range.";
                return new FtpConnectionException("The server could not open the data connection for " + FtpCommandText.Mask(command) + " (" + reply + ")." + cause, FtpPhase.DataConnection, command, reply);
            }

            return new FtpCommandException(DescribeFailure(command, reply), FtpPhase.Transfer, command, reply);
        }

        private DataChannel OpenDataChannel(CancellationToken cancellationToken)
        {
            switch (effectiveDataMode)
            {
                case FtpDataConnectionMode.Active:
                    return OpenActive(cancellationToken);
                case FtpDataConnectionMode.Passive:
                    return OpenPasv(cancellationToken);
                default:
                    var reply = Execute("EPSV", cancellationToken);
                    if (reply.Code == 229)
                    {
                        if (effectiveDataMode == FtpDataConnectionMode.Auto) effectiveDataMode = FtpDataConnectionMode.ExtendedPassive;
                        var endPoint = new IPEndPoint(ControlPeerAddress, PassiveReplyParser.ParseEpsvPort(reply));
                        PassivePortPolicy.Check(endPoint.Port, "EPSV", reply);
                        return DataChannel.ConnectPassive(endPoint, "EPSV", Options.DataTimeout, cancellationToken);
                    }

                    if (Options.DataConnectionMode == FtpDataConnectionMode.Auto && reply.IsPermanentNegative)
                    {
                        RequireConnection().Trace(FtpTraceDirection.Info, "The server does not support EPSV; using PASV for the rest of the session.");
                        effectiveDataMode = FtpDataConnectionMode.Passive;
                        return OpenPasv(cancellationToken);
                    }

                    throw new FtpCommandException(DescribeFailure("EPSV", reply), FtpPhase.DataConnection, "EPSV", reply);
            }
        }

        private DataChannel OpenPasv(CancellationToken cancellationToken)
        {
            if (ControlPeerAddress.AddressFamily == AddressFamily.InterNetworkV6)
                throw new FtpNotSupportedException("PASV cannot be used over IPv6 (it carries only IPv4 addresses); use extended passive mode (EPSV).", "PASV");
            var reply = Execute("PASV", FtpPhase.DataConnection, cancellationToken, 227);
            var announced = PassiveReplyParser.ParsePasv(reply);
            PassivePortPolicy.Check(announced.Port, "PASV", reply);
            var endPoint = announced;
            if (!Options.UseServerPassiveAddress)
            {
                endPoint = new IPEndPoint(ControlPeerAddress, announced.Port);
                if (!announced.Address.Equals(ControlPeerAddress))
                    RequireConnection().Trace(FtpTraceDirection.Info, "The server announced passive address " + announced.Address + "; connecting to the control connection's address " + ControlPeerAddress + " instead.");
            }

            var hint = Options.UseServerPassiveAddress && !announced.Address.Equals(ControlPeerAddress)
                ? " The server named " + announced.Address + " in its 227 reply, not the address it was reached at (" + ControlPeerAddress + "); a server behind NAT often names "
                  + "its private address. Turn off UseServerPassiveAddress to connect to " + ControlPeerAddress + " instead."
                : string.Empty;
            return DataChannel.ConnectPassive(endPoint, "PASV", Options.DataTimeout, cancellationToken, hint);
        }

        /// <summary>Servers refuse a PORT/EPRT address other than the one they see the control connection come from: the usual case of a client behind NAT.</summary>
        private string ActiveAddressRefusedHint(IPAddress advertised) =>
            " Active mode: the server refuses the address this computer advertised (" + advertised + "), as servers do when it is not the address the connection comes from. "
            + (Options.ActiveExternalAddress is null
                ? "Behind NAT, forward a port range to this computer and give ActivePortRange and ActiveExternalAddress (the public address); or use passive mode (the default)."
                : "Check that ActiveExternalAddress is the public address the server sees; or use passive mode (the default).");

        private DataChannel OpenActive(CancellationToken cancellationToken)
        {
            var control = RequireConnection();
            var bindAddress = Options.ActiveBindAddress ?? control.LocalEndPoint.Address;
            var channel = DataChannel.Listen(bindAddress, Options.ActivePortMin, Options.ActivePortMax, Options.DataTimeout);
            try
            {
                var advertised = Options.ActiveExternalAddress ?? bindAddress;
                var port = channel.ListeningEndPoint.Port;
                var b = advertised.GetAddressBytes();
                var command = advertised.AddressFamily == AddressFamily.InterNetwork
                    ? string.Format(CultureInfo.InvariantCulture, "PORT {0},{1},{2},{3},{4},{5}", b[0], b[1], b[2], b[3], port / 256, port % 256)
                    : "EPRT |2|" + advertised + "|" + port.ToString(CultureInfo.InvariantCulture) + "|";
                var reply = Execute(command, cancellationToken);
                // Some servers (pyftpdlib) connect back as soon as they get PORT and report failure to it directly.
                if (reply.Code == 425) throw TransferRefused(command, reply, channel);
                if (!reply.IsPositiveCompletion) throw new FtpCommandException(DescribeFailure(command, reply) + ActiveAddressRefusedHint(advertised), FtpPhase.DataConnection, command, reply);
                return channel;
            }
            catch
            {
                channel.Dispose();
                throw;
            }
        }
    }
}

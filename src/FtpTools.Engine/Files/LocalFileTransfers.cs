using System;
using System.IO;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Retrying;

namespace FtpTools.Engine.Files
{
    /// <summary>
    /// Downloads to and uploads from local files the way Receive-FtpItem and Send-FtpItem do: -IfExists decides per file;
    /// a download is written to "&lt;name&gt;.ftptools-partial", renamed when complete and given the server's modification time;
    /// an upload gets the local modification time where the server has MFMT.
    /// </summary>
    public sealed class LocalFileTransfers
    {
        private readonly IRemoteFileSystem? fixedClient;
        private readonly RemoteConnectionSlot? connection;

        /// <summary>Transfers over one connection that is never replaced.</summary>
        public LocalFileTransfers(IRemoteFileSystem client)
        {
            fixedClient = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>Transfers over a connection that may be replaced by a fresh one (a session's, or a parallel worker's).</summary>
        public LocalFileTransfers(RemoteConnectionSlot connection)
        {
            this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>The connection in use now.</summary>
        private IRemoteFileSystem Client => connection?.Current ?? fixedClient!;

        /// <summary>
        /// Called with what -Verbose shows: "source -&gt; target: reason" once the decision is made (before a Skip, a Fail or any
        /// byte), and problems that do not fail the transfer (a modification time that could not be read or set).
        /// </summary>
        public Action<string>? Explained { get; set; }

        /// <summary>
        /// Called when an uploaded file could not be given the local modification time (the server has no MFMT, or refused it),
        /// with the reason. The module warns once per command.
        /// </summary>
        public Action<string>? ModificationTimeNotKept { get; set; }

        /// <summary>Called with the file's name just before its bytes move (not for a Skip or a Fail).</summary>
        public Action<string>? FileStarted { get; set; }

        /// <summary>Called when the bytes have moved: for a download with the local file's length, for an upload with the bytes sent.</summary>
        public Action<long>? FileFinished { get; set; }

        /// <summary>How often a transfer that failed for a transient reason is tried again (none unless set).</summary>
        public RetryPolicy Retry { get; set; } = RetryPolicy.None;

        /// <summary>The back-off wait between attempts; tests replace it so they need not sleep.</summary>
        public Action<TimeSpan, CancellationToken> WaitBeforeRetry { get; set; } = RetryWait.Sleep;

        /// <summary>
        /// Uploads go to a temporary name in the target folder (AtomicUpload.TemporaryPathFor) and are renamed over the final
        /// name only when complete (and verified), so nobody watching the folder sees a partial file under the final name.
        /// </summary>
        public bool Atomic { get; set; }

        /// <summary>
        /// Before a file takes its final name, its size is compared with the source's, and its hash where the server computes one;
        /// a difference is a TransferVerificationException and the file is not published (a download's partial file and an
        /// atomic upload's temporary file are removed).
        /// </summary>
        public bool Verify { get; set; }

        /// <summary>Called, with the reason, when -Verify could compare only sizes (the server computes no hash). The module says so once per command.</summary>
        public Action<string>? VerifiedBySizeOnly { get; set; }

        /// <summary>
        /// Downloads remote to localPath. Throws DestinationExistsException for -IfExists Fail, IOException when localPath is a
        /// directory, the FtpException family (and OperationCanceledException) when the transfer fails; then the partial file is
        /// deleted, except with -IfExists Resume, where the next run continues from it. An existing localPath is replaced only
        /// once every byte has arrived.
        /// </summary>
        /// <remarks>
        /// With a Retry policy, a transient failure (see TransientFailures) is tried again after the back-off, over a new
        /// connection when the old one dropped, continuing from the bytes in the partial file; it is kept between attempts
        /// and deleted only when the download gives up (and -IfExists is not Resume). Result.Retries counts the retries.
        /// </remarks>
        public LocalTransferResult DownloadToFile(FtpListItem remote, string localPath, FtpIfExists ifExists, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (remote is null) throw new ArgumentNullException(nameof(remote));
            if (localPath is null) throw new ArgumentNullException(nameof(localPath));
            var attempt = new TransferAttempt();
            while (true)
            {
                attempt.KeepPartial = ifExists == FtpIfExists.Resume || attempt.Retries < Retry.RetryCount;
                try
                {
                    return DownloadOnce(remote, localPath, ifExists, attempt, progress, cancellationToken).WithRetries(attempt.Retries);
                }
                catch (Exception exception) when (attempt.Retries < Retry.RetryCount && TransientFailures.IsTransient(exception) && !cancellationToken.IsCancellationRequested)
                {
                    var partialPath = TransferTargets.PartialPathFor(localPath);
                    var arrived = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0;
                    attempt.ContinuePartial |= attempt.Started;
                    PrepareRetry(attempt, exception, attempt.ContinuePartial && arrived > 0 ? "resuming at byte " + arrived : "starting again", cancellationToken);
                }
                catch when ((attempt.Started || attempt.ContinuePartial) && ifExists != FtpIfExists.Resume)
                {
                    TryDelete(TransferTargets.PartialPathFor(localPath));
                    throw;
                }
            }
        }

        /// <summary>
        /// Uploads localPath to remotePath. Throws DestinationExistsException for -IfExists Fail, IOException when the local file
        /// cannot be read or (with Skip, Fail or Resume) a remote directory has that name, the FtpException family (and
        /// OperationCanceledException) when the transfer fails.
        /// </summary>
        /// <remarks>
        /// With a Retry policy, a transient failure is tried again after the back-off, over a new connection when the old one
        /// dropped. Once bytes went out, the retry continues from the remote file's size (APPE on FTP, an offset on SFTP); a
        /// server that cannot resume gets the whole file again. An -IfExists Append upload is not retried once it started, as
        /// nothing tells which of its bytes arrived.
        /// </remarks>
        public LocalTransferResult UploadFromFile(string localPath, string remotePath, FtpIfExists ifExists, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (localPath is null) throw new ArgumentNullException(nameof(localPath));
            if (remotePath is null) throw new ArgumentNullException(nameof(remotePath));
            var attempt = new TransferAttempt();
            TransferDecision? retryDecision = null;
            while (true)
            {
                try
                {
                    return UploadOnce(localPath, remotePath, ifExists, retryDecision, attempt, progress, cancellationToken).WithRetries(attempt.Retries);
                }
                catch (Exception exception) when (attempt.Retries < Retry.RetryCount && !cancellationToken.IsCancellationRequested
                                                  && (TransientFailures.IsTransient(exception) || CannotResume(exception, retryDecision))
                                                  && !(attempt.Started && ifExists == FtpIfExists.Append))
                {
                    if (CannotResume(exception, retryDecision)) retryDecision = UploadWholeFileAgain;
                    else if (attempt.Started && retryDecision != UploadWholeFileAgain) retryDecision = ResumeUpload;
                    PrepareRetry(attempt, exception, retryDecision is null ? "starting again" : retryDecision.Reason, cancellationToken);
                }
            }
        }

        private static readonly TransferDecision ResumeUpload = new TransferDecision(TransferAction.Transfer, "resuming at the remote file's end", 0, FtpUploadMode.Resume);

        private static readonly TransferDecision UploadWholeFileAgain = new TransferDecision(TransferAction.Transfer, "the server cannot resume an upload; sending the whole file again");

        /// <summary>A resumed attempt refused because the server has no APPE/REST: the next attempt sends the whole file.</summary>
        private static bool CannotResume(Exception exception, TransferDecision? retryDecision) =>
            retryDecision?.UploadMode == FtpUploadMode.Resume
            && (exception is FtpNotSupportedException || (exception is FtpException ftp && (ftp.ReplyCode == 500 || ftp.ReplyCode == 502 || ftp.ReplyCode == 504)));

        /// <summary>Says why and when the next attempt comes, waits the back-off, and replaces the connection if it dropped.</summary>
        private void PrepareRetry(TransferAttempt attempt, Exception failure, string plan, CancellationToken cancellationToken)
        {
            attempt.Retries++;
            var delay = Retry.DelayBefore(attempt.Retries);
            Explained?.Invoke("retry " + attempt.Retries + " of " + Retry.RetryCount + " in " + delay.TotalSeconds + " s after " + TransientFailures.Describe(failure) + ": " + plan);
            WaitBeforeRetry(delay, cancellationToken);
            attempt.Started = false;
            if (connection is null) return;
            try
            {
                if (connection.EnsureConnected(cancellationToken)) Explained?.Invoke("reconnected to " + connection.Address);
            }
            catch (FtpException exception) when (TransientFailures.IsTransient(exception))
            {
                // The server is not back yet: the next attempt fails on the dead connection at once and waits again, if retries are left.
                Explained?.Invoke("could not reconnect to " + connection.Address + ": " + TransientFailures.Describe(exception));
            }
        }

        private LocalTransferResult DownloadOnce(FtpListItem remote, string localPath, FtpIfExists ifExists, TransferAttempt attempt, IProgress<FtpTransferProgress>? progress,
            CancellationToken cancellationToken)
        {
            if (Directory.Exists(localPath)) throw new IOException("Cannot download '" + remote.FullName + "' to '" + localPath + "': a directory has that name.");
            var partialPath = TransferTargets.PartialPathFor(localPath);
            var finalLength = File.Exists(localPath) ? new FileInfo(localPath).Length : (long?)null;
            var partialLength = (ifExists == FtpIfExists.Resume || attempt.ContinuePartial) && File.Exists(partialPath) ? new FileInfo(partialPath).Length : (long?)null;
            var remoteLength = remote.Length ?? (ifExists == FtpIfExists.Resume ? Client.GetSize(remote.FullName, cancellationToken) : null);

            // A retry continues from what the interrupted attempt wrote, whatever -IfExists said about the final file.
            var decision = attempt.ContinuePartial ? IfExistsPolicy.ForDownload(FtpIfExists.Resume, null, partialLength, remoteLength) : IfExistsPolicy.ForDownload(ifExists, finalLength, partialLength, remoteLength);
            Explained?.Invoke(remote.FullName + " -> " + localPath + ": " + decision.Reason);
            if (decision.Action == TransferAction.Skip) return LocalTransferResult.Skipped(decision.Reason);
            if (decision.Action == TransferAction.Fail) throw DestinationExistsException.ForDownload(localPath);

            var folder = Path.GetDirectoryName(localPath);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            if (!attempt.Announced) FileStarted?.Invoke(remote.Name);
            attempt.Announced = true;
            attempt.Started = true;
            long received = 0;
            // What the partial file is kept for: -IfExists Resume's next run, or this command's next attempt.
            var partialMode = attempt.KeepPartial ? FtpIfExists.Resume : ifExists;
            if (decision.Action == TransferAction.Transfer)
            {
                received = ReceiveIntoPartial(remote.FullName, partialPath, decision.RestartOffset, remoteLength, partialMode, progress, cancellationToken);
                EnsureComplete(remote.FullName, partialPath, decision.RestartOffset + received, remoteLength, partialMode, cancellationToken);
            }

            FileFinished?.Invoke(decision.RestartOffset + received);
            if (Verify) VerifyDownload(remote.FullName, partialPath, remoteLength, cancellationToken);
            if (File.Exists(localPath)) File.Delete(localPath);
            File.Move(partialPath, localPath);
            var time = KeepServerTime(remote, localPath, cancellationToken);
            var outcome = decision.Action == TransferAction.CompletePartial ? LocalTransferOutcome.CompletedFromPartial
                : decision.RestartOffset > 0 ? LocalTransferOutcome.Resumed
                : LocalTransferOutcome.Transferred;
            return new LocalTransferResult(outcome, decision.Reason, decision.RestartOffset, received, time);
        }

        private LocalTransferResult UploadOnce(string localPath, string remotePath, FtpIfExists ifExists, TransferDecision? retryDecision, TransferAttempt attempt,
            IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (Atomic) return UploadAtomically(localPath, Client.ResolvePath(remotePath), retryDecision is null ? ifExists : FtpIfExists.Resume, progress, cancellationToken);
            var localLength = new FileInfo(localPath).Length;
            FtpListItem? existing = null;
            var lookedUp = retryDecision is null && ifExists != FtpIfExists.Overwrite && ifExists != FtpIfExists.Append;
            if (lookedUp)
            {
                existing = Client.GetItem(remotePath, cancellationToken);
                if (existing?.Type == FtpItemType.Directory)
                    throw new IOException("Cannot upload '" + localPath + "' to '" + remotePath + "': a remote directory has that name.");
            }

            var remoteLength = existing is null ? null : existing.Length ?? Client.GetSize(remotePath, cancellationToken);
            var decision = retryDecision ?? IfExistsPolicy.ForUpload(ifExists, lookedUp ? existing != null : (bool?)null, remoteLength, localLength);
            Explained?.Invoke(localPath + " -> " + remotePath + ": " + decision.Reason);
            if (decision.Action == TransferAction.Skip) return LocalTransferResult.Skipped(decision.Reason);
            if (decision.Action == TransferAction.Fail) throw DestinationExistsException.ForUpload(remotePath);

            if (!attempt.Announced) FileStarted?.Invoke(Path.GetFileName(localPath));
            attempt.Announced = true;
            attempt.Started = true;
            long sent;
            long startOffset;
            using (var stream = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                sent = Client.Upload(stream, remotePath, decision.UploadMode, progress, cancellationToken);
                // A resumed upload starts where the server's file ended, which the client reads itself just before sending.
                startOffset = decision.UploadMode == FtpUploadMode.Resume ? stream.Length - sent : 0;
            }

            FileFinished?.Invoke(sent);
            if (Verify) VerifyUpload(localPath, remotePath, localLength, true, cancellationToken);

            var time = KeepLocalTime(localPath, remotePath, cancellationToken);
            var outcome = decision.UploadMode == FtpUploadMode.Append ? LocalTransferOutcome.Appended
                : decision.UploadMode == FtpUploadMode.Resume ? LocalTransferOutcome.Resumed
                : LocalTransferOutcome.Transferred;
            return new LocalTransferResult(outcome, decision.Reason, startOffset, sent, time);
        }

        /// <summary>
        /// -Atomic: the bytes go to the temporary name (resumed there with -IfExists Resume), which is verified, given the local
        /// time and renamed over remotePath. A failed upload leaves the temporary file for -IfExists Resume, and removes it
        /// otherwise when the connection still works; one that fails verification is always removed.
        /// </summary>
        private LocalTransferResult UploadAtomically(string localPath, string remotePath, FtpIfExists ifExists, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            var localLength = new FileInfo(localPath).Length;
            var temporaryPath = AtomicUpload.TemporaryPathFor(remotePath);
            var existing = ifExists == FtpIfExists.Overwrite ? null : Client.GetItem(remotePath, cancellationToken);
            if (existing?.Type == FtpItemType.Directory)
                throw new IOException("Cannot upload '" + localPath + "' to '" + remotePath + "': a remote directory has that name.");
            var finalLength = existing is null ? null : existing.Length ?? Client.GetSize(remotePath, cancellationToken);
            var temporaryLength = ifExists == FtpIfExists.Resume ? Client.GetSize(temporaryPath, cancellationToken) : null;
            var decision = AtomicUpload.Decide(ifExists, ifExists == FtpIfExists.Overwrite ? (bool?)null : existing != null, finalLength, temporaryLength, localLength);
            Explained?.Invoke(localPath + " -> " + remotePath + ": " + decision.Reason);
            if (decision.Action == TransferAction.Skip) return LocalTransferResult.Skipped(decision.Reason);
            if (decision.Action == TransferAction.Fail) throw DestinationExistsException.ForUpload(remotePath);

            FileStarted?.Invoke(Path.GetFileName(localPath));
            long sent = 0;
            DateTimeOffset? time;
            try
            {
                if (decision.Action == TransferAction.Transfer)
                {
                    using (var stream = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read))
                        sent = Client.Upload(stream, temporaryPath, decision.UploadMode, progress, cancellationToken);
                }

                FileFinished?.Invoke(sent);
                if (Verify) VerifyUpload(localPath, temporaryPath, localLength, false, cancellationToken);
                time = KeepLocalTime(localPath, temporaryPath, cancellationToken);
                Client.RenameReplacing(temporaryPath, remotePath, cancellationToken);
            }
            catch (Exception exception) when (exception is TransferVerificationException || (ifExists != FtpIfExists.Resume && !cancellationToken.IsCancellationRequested && (exception is FtpException || exception is IOException)))
            {
                TryDeleteRemote(temporaryPath);
                throw;
            }

            Explained?.Invoke(temporaryPath + " -> " + remotePath + ": renamed into place.");
            var outcome = decision.UploadMode == FtpUploadMode.Resume || decision.Action == TransferAction.CompletePartial ? LocalTransferOutcome.Resumed : LocalTransferOutcome.Transferred;
            return new LocalTransferResult(outcome, decision.Reason, localLength - sent, sent, time);
        }

        /// <param name="underFinalName">A plain upload: the file already has its final name, so the message cannot say it was not published.</param>
        private void VerifyUpload(string localPath, string remotePath, long localLength, bool underFinalName, CancellationToken cancellationToken)
        {
            var remoteLength = Client.GetSize(remotePath, cancellationToken);
            if (remoteLength != localLength)
                throw Mismatch(remotePath, underFinalName, "the remote file has " + (remoteLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no") + " bytes, the local file " + localLength + ".");
            CompareHashes(remotePath, localPath, underFinalName, cancellationToken);
        }

        /// <summary>Checks the partial file before it takes the final name; a mismatch deletes it (its bytes cannot be trusted, not even to resume from).</summary>
        private void VerifyDownload(string remotePath, string partialPath, long? remoteLength, CancellationToken cancellationToken)
        {
            try
            {
                var expected = remoteLength ?? Client.GetSize(remotePath, cancellationToken);
                var arrived = new FileInfo(partialPath).Length;
                if (expected is long length && length != arrived)
                    throw Mismatch(remotePath, false, arrived + " bytes arrived, the remote file has " + length + ".");
                CompareHashes(remotePath, partialPath, false, cancellationToken);
            }
            catch (TransferVerificationException)
            {
                TryDelete(partialPath);
                throw;
            }
        }

        /// <summary>Compares the server's hash of remotePath with the local file's; where the server computes none, says so and leaves the size as the check.</summary>
        private void CompareHashes(string remotePath, string localPath, bool underFinalName, CancellationToken cancellationToken)
        {
            FtpHashResult remoteHash;
            try
            {
                remoteHash = Client.GetHash(remotePath, null, cancellationToken);
            }
            catch (FtpNotSupportedException exception)
            {
                VerifiedBySizeOnly?.Invoke(exception.Message);
                return;
            }
            catch (FtpCommandException exception) when (Client.IsConnected)
            {
                VerifiedBySizeOnly?.Invoke("The server could not hash " + remotePath + " (" + exception.Message + ").");
                return;
            }

            var localHash = LocalFileHash.Compute(localPath, remoteHash.Algorithm, cancellationToken);
            if (!string.Equals(localHash, remoteHash.Hash, StringComparison.OrdinalIgnoreCase))
                throw Mismatch(remotePath, underFinalName, "the server's " + remoteHash.Algorithm + " (" + remoteHash.Command + ") is " + remoteHash.Hash + ", the local file's " + localHash + ".");
            Explained?.Invoke(remotePath + ": verified, " + remoteHash.Algorithm + " " + localHash + ".");
        }

        /// <summary>Only a plain upload writes under the final name before it is verified; downloads and -Atomic uploads publish nothing unverified.</summary>
        private static TransferVerificationException Mismatch(string remotePath, bool underFinalName, string difference) =>
            new TransferVerificationException("Verification of " + remotePath + " failed: " + difference
                + (underFinalName ? " The remote file is not what was sent; with -Atomic such a file never takes the final name." : " The file was not published under its final name."), remotePath);

        private void TryDeleteRemote(string remotePath)
        {
            try
            {
                if (Client.IsConnected) Client.DeleteFile(remotePath, CancellationToken.None);
            }
            catch (FtpException)
            {
            }
        }

        private long ReceiveIntoPartial(string remotePath, string partialPath, long restartOffset, long? expectedLength, FtpIfExists ifExists, IProgress<FtpTransferProgress>? progress,
            CancellationToken cancellationToken)
        {
            long arrived = restartOffset;
            try
            {
                using (var stream = new FileStream(partialPath, restartOffset > 0 ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    if (restartOffset > 0)
                    {
                        stream.SetLength(restartOffset);
                        stream.Position = restartOffset;
                    }

                    try
                    {
                        return Client.Download(remotePath, stream, restartOffset, progress, cancellationToken);
                    }
                    finally
                    {
                        arrived = stream.Position;
                    }
                }
            }
            catch (FtpConnectionException exception) when (exception.Phase == FtpPhase.Transfer && !cancellationToken.IsCancellationRequested)
            {
                // The data connection broke mid-file: say that the file is incomplete and how much of it arrived.
                if (ifExists != FtpIfExists.Resume) TryDelete(partialPath);
                throw Incomplete(remotePath, arrived, expectedLength, ifExists, exception.Message, exception);
            }
            catch
            {
                // With -IfExists Resume the partial file is what the next run continues from; otherwise it is garbage.
                if (ifExists != FtpIfExists.Resume) TryDelete(partialPath);
                throw;
            }
        }

        /// <summary>
        /// A download that ended "successfully" with fewer bytes than the file has was cut off (a proxy or firewall closing the data
        /// connection looks like the end of the file). Unless the file shrank on the server meanwhile, that is an incomplete download.
        /// </summary>
        private void EnsureComplete(string remotePath, string partialPath, long arrived, long? expectedLength, FtpIfExists ifExists, CancellationToken cancellationToken)
        {
            if (!(expectedLength is long expected) || arrived >= expected) return;
            long? now = null;
            try
            {
                now = Client.GetSize(remotePath, cancellationToken);
            }
            catch (FtpException)
            {
            }

            if (now is long current && current <= arrived)
            {
                Explained?.Invoke(remotePath + " is now " + current + " bytes on the server (it was " + expected + " when listed): it changed meanwhile, and every byte of it arrived.");
                return;
            }

            if (ifExists != FtpIfExists.Resume) TryDelete(partialPath);
            throw Incomplete(remotePath, arrived, now ?? expected, ifExists, "The data connection ended early although the server reported the transfer complete.", null);
        }

        private static FtpException Incomplete(string remotePath, long arrived, long? expected, FtpIfExists ifExists, string detail, Exception? inner)
        {
            var message = "The download of " + remotePath + " was incomplete: " + arrived + (expected is long total ? " of " + total : string.Empty) + " bytes arrived. " + detail
                + (ifExists == FtpIfExists.Resume ? " The partial file was kept; run the command again to continue from it." : " Nothing was kept; -IfExists Resume keeps the bytes that arrived.");
            // The protocol's own failure, when there is one, keeps its command and reply (an FTP 226 that came too soon, say).
            var failure = inner as FtpException;
            return new FtpConnectionException(message, FtpPhase.Transfer, failure?.Command, failure?.Reply, true, inner) { Cause = FtpFailureCause.IncompleteTransfer, RemotePath = remotePath };
        }

        /// <summary>The listing's time unless it is approximate (an old LIST line has no time of day); then MDTM, falling back to the listing's.</summary>
        private DateTimeOffset? KeepServerTime(FtpListItem remote, string localPath, CancellationToken cancellationToken)
        {
            var time = remote.LastWriteTimeIsApproximate ? null : remote.LastWriteTime;
            if (time is null)
            {
                try
                {
                    time = Client.GetModifiedTime(remote.FullName, cancellationToken) ?? remote.LastWriteTime;
                }
                catch (FtpCommandException exception)
                {
                    Explained?.Invoke("No modification time for " + remote.FullName + ": " + exception.Message);
                    time = remote.LastWriteTime;
                }
                catch (FtpConnectionException exception)
                {
                    // The file is complete and under its final name; failing it now would count a good download as failed.
                    ModificationTimeNotKept?.Invoke("The connection dropped before the modification time of " + remote.FullName + " could be read ("
                        + exception.Message + "): " + localPath + " is complete and keeps the time of the download.");
                    time = remote.LastWriteTime;
                }
            }

            if (time is DateTimeOffset modified) File.SetLastWriteTimeUtc(localPath, modified.UtcDateTime);
            return time;
        }

        private DateTimeOffset? KeepLocalTime(string localPath, string remotePath, CancellationToken cancellationToken)
        {
            if (!Client.CanSetModifiedTime)
            {
                ModificationTimeNotKept?.Invoke("The server does not support setting modification times (no MFMT): uploaded files get the time of the upload.");
                return null;
            }

            var time = new DateTimeOffset(File.GetLastWriteTimeUtc(localPath), TimeSpan.Zero);
            try
            {
                Client.SetModifiedTime(remotePath, time, cancellationToken);
                return time;
            }
            catch (FtpCommandException exception)
            {
                Explained?.Invoke("Could not set the modification time of " + remotePath + ": " + exception.Message);
                ModificationTimeNotKept?.Invoke("The server refused to set the modification time of " + remotePath + " (" + exception.Reply?.Summary + "): it keeps the time of the upload.");
                return null;
            }
            catch (FtpConnectionException exception)
            {
                ModificationTimeNotKept?.Invoke("The connection dropped before the modification time of " + remotePath + " could be set ("
                    + exception.Message + "): the file is complete and keeps the time of the upload.");
                return null;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

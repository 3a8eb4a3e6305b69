using System;
using System.IO;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;

namespace FtpTools.Sftp
{
    public sealed partial class SftpRemoteFileSystem
    {
        private const int CopyBufferSize = 64 * 1024;

        /// <summary>
        /// From the start: SSH.NET's DownloadFile, which keeps several reads in flight. From an offset: a file stream seeked
        /// there (SSH.NET has no offset download). Returns the bytes written to destination.
        /// </summary>
        public long Download(string path, Stream destination, long restartOffset, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            if (restartOffset < 0) throw new ArgumentOutOfRangeException(nameof(restartOffset));
            var target = ResolvePath(path);
            var attributes = Stat(target, cancellationToken) ?? throw SftpErrors.Map(new Renci.SshNet.Common.SftpPathNotFoundException("No such file"), "open", target);
            if (attributes.IsDirectory)
                throw new SftpStatusException("SFTP open " + target + ": it is a directory, not a file.", SftpStatus.Failure, "open " + target, target);

            var meter = new TransferMeter(target, restartOffset, attributes.Size, progress);
            var sink = new ObservedWriteStream(destination, meter, cancellationToken);
            trace.Info("SFTP download " + target + (restartOffset > 0 ? " from byte " + restartOffset : string.Empty) + " (" + attributes.Size + " bytes)");
            Transfer("download", target, sink, cancellationToken, () =>
            {
                if (restartOffset == 0)
                {
                    client.DownloadFile(target, sink);
                    return;
                }

                using (var remote = client.Open(target, FileMode.Open, FileAccess.Read))
                {
                    remote.Seek(restartOffset, SeekOrigin.Begin);
                    Copy(remote, sink);
                }
            });
            meter.Complete();
            return sink.Count;
        }

        /// <summary>
        /// Overwrite: SSH.NET's UploadFile (several writes in flight) into a created or truncated file. Append: a stream opened
        /// for appending (created when missing). Resume: from the remote file's size, source seeked there. Returns the bytes sent.
        /// </summary>
        public long Upload(Stream source, string path, FtpUploadMode mode, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            var target = ResolvePath(path);
            long offset = 0;
            if (mode == FtpUploadMode.Resume) offset = UploadResumePoint.SeekSourceToRemoteSize(this, source, target, cancellationToken);

            var meter = new TransferMeter(target, offset, source.CanSeek ? source.Length : (long?)null, progress);
            var feed = new ObservedReadStream(source, meter, cancellationToken);
            trace.Info("SFTP upload " + target + " (" + mode + (offset > 0 ? " from byte " + offset : string.Empty) + ")");
            Transfer("upload", target, feed, cancellationToken, () =>
            {
                switch (mode)
                {
                    case FtpUploadMode.Overwrite:
                        client.UploadFile(feed, target, true);
                        break;
                    case FtpUploadMode.Append:
                        using (var remote = client.Open(target, FileMode.Append, FileAccess.Write)) Copy(feed, remote);
                        break;
                    default:
                        using (var remote = client.Open(target, FileMode.OpenOrCreate, FileAccess.Write))
                        {
                            remote.Seek(offset, SeekOrigin.Begin);
                            Copy(feed, remote);
                        }

                        break;
                }
            });
            meter.Complete();
            return feed.Count;
        }

        private void Transfer(string request, string target, ObservedStream local, CancellationToken cancellationToken, Action transfer)
        {
            cancellationToken.ThrowIfCancellationRequested();
            trace.OnCallerThread();
            try
            {
                transfer();
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested)
            {
                throw exception as OperationCanceledException ?? new OperationCanceledException("The transfer was cancelled.", exception, cancellationToken);
            }
            catch (Exception exception) when (local.LocalFailure != null && !(exception is OutOfMemoryException))
            {
                // Not a network fault: the same error as FTP's (FtpTools.TransferFailed, WriteError), and not transient.
                throw new LocalStreamException("The " + request + " of " + target + " stopped after " + local.Count + " bytes: the local stream failed: " + local.LocalFailure.Message
                    + (LocalStreamException.IsDiskFull(local.LocalFailure) ? " (the local disk is full)." : "."), local.LocalFailure);
            }
            catch (Exception exception)
            {
                throw SftpErrors.Map(exception, request, target, FtpPhase.Transfer);
            }
        }

        private static void Copy(Stream from, Stream to)
        {
            var buffer = new byte[CopyBufferSize];
            int read;
            while ((read = from.Read(buffer, 0, buffer.Length)) > 0) to.Write(buffer, 0, read);
        }
    }
}

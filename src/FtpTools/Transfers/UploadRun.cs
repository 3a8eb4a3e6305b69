using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Parallel;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Send-FtpItem's uploads: planned per session (UploadPlanner), then carried out: the remote folders first, in plan order on each session's own connection (each one
    /// created unless it exists, and only where ShouldProcess agrees), then the files over up to -ThrottleLimit connections per
    /// session, under one progress bar. With -PassThru each uploaded file is written as the server lists it.
    /// </summary>
    internal sealed class UploadRun
    {
        private readonly FtpTransferCmdlet cmdlet;
        private readonly FtpIfExists ifExists;
        private readonly bool atomic;
        private readonly bool passThru;
        private readonly OncePerCommand timesNotKept;

        public UploadRun(FtpTransferCmdlet cmdlet, FtpIfExists ifExists, bool atomic, bool passThru)
        {
            this.cmdlet = cmdlet;
            this.ifExists = ifExists;
            this.atomic = atomic;
            this.passThru = passThru;
            timesNotKept = new OncePerCommand(reason => cmdlet.WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason));
        }

        /// <summary>The steps for one session's sources; a terminating error when -Destination cannot be looked up.</summary>
        public IReadOnlyList<KeyValuePair<FtpSession, PlannedUpload>> PlanFor(FtpSession session, IReadOnlyList<UploadSource> sources, PathFilter filter, string? destination, bool sourcesMayVary)
        {
            var planner = new UploadPlanner(session.FileSystem, filter)
            {
                LinkSkipped = path => cmdlet.WriteVerbose("Not following the link '" + path + "'."),
                FolderFailed = (folder, exception) => cmdlet.WriteTransferError(session, exception, folder),
            };
            return cmdlet.UseSession(session, () =>
            {
                try
                {
                    return planner.Plan(sources, destination, sourcesMayVary, cmdlet.CancellationToken).Select(step => new KeyValuePair<FtpSession, PlannedUpload>(session, step)).ToList();
                }
                catch (Exception exception) when (FtpCmdlet.IsItemFailure(exception))
                {
                    cmdlet.ThrowFtpError(session, exception, planner.RemoteDestinationFor(destination));
                    throw;
                }
            });
        }

        public void Execute(IReadOnlyList<KeyValuePair<FtpSession, PlannedUpload>> plan)
        {
            var files = plan.Select(p => p.Value).Where(p => !p.IsFolder).ToList();
            var reporter = new TransferProgressReporter(cmdlet, SystemFtpClock.Instance, "Uploading", files.Count, UploadPlanner.TotalBytes(files));
            var knownFolders = new HashSet<string>(StringComparer.Ordinal);
            var batch = new List<KeyValuePair<FtpSession, TransferWorkItem>>();
            try
            {
                foreach (var step in plan)
                {
                    var session = step.Key;
                    var upload = step.Value;
                    if (upload.IsFolder)
                    {
                        if (knownFolders.Contains(upload.RemotePath)) continue;
                        cmdlet.TryItem(session, upload.RemotePath, () =>
                        {
                            if (RemoteFolders.Ensure(session.FileSystem, upload.RemotePath, () => cmdlet.ShouldProcess(upload.RemotePath, "Create remote directory"), cmdlet.CancellationToken))
                                knownFolders.Add(upload.RemotePath);
                        });
                        continue;
                    }

                    if (cmdlet.ShouldProcess(upload.RemotePath, "Upload " + upload.LocalPath + " to " + session.ComputerName))
                        batch.Add(new KeyValuePair<FtpSession, TransferWorkItem>(session, new TransferWorkItem(TransferDirection.Upload, upload.LocalPath!, upload.RemotePath)));
                }

                cmdlet.RunBatch(batch, reporter, (session, item, lane, token) => Upload(session, item, lane, reporter, token), Uploaded);
            }
            finally
            {
                reporter.Complete();
            }
        }

        /// <summary>On a worker thread: writes nothing itself, everything it says goes through the lane to the pipeline thread.</summary>
        private UploadOutcome Upload(FtpSession session, TransferWorkItem item, TransferLane lane, TransferProgressReporter reporter, CancellationToken cancellationToken)
        {
            var transfers = cmdlet.Configure(new LocalFileTransfers(lane.Connection), session, cmdlet.RetryPolicyFor(session), lane, reporter, timesNotKept.Write);
            transfers.Atomic = atomic;
            var result = transfers.UploadFromFile(item.LocalPath, item.RemotePath, ifExists, lane, cancellationToken);
            var uploaded = passThru && !result.WasSkipped ? lane.Connection.Current.GetItem(item.RemotePath, cancellationToken) : null;
            return new UploadOutcome(session, uploaded, result);
        }

        private void Uploaded(TransferWorkItem item, UploadOutcome outcome)
        {
            if (outcome.Uploaded != null) cmdlet.WriteObject(RetryParameters.WithRetries(new FtpItem(outcome.Uploaded, outcome.Session), outcome.Result));
        }

        /// <summary>What a worker hands back: the uploaded file as listed, for -PassThru.</summary>
        private sealed class UploadOutcome
        {
            public UploadOutcome(FtpSession session, FtpListItem? uploaded, LocalTransferResult result)
            {
                Session = session;
                Uploaded = uploaded;
                Result = result;
            }

            public LocalTransferResult Result { get; }

            public FtpSession Session { get; }

            public FtpListItem? Uploaded { get; }
        }
    }
}

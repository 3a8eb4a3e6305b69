using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Parallel;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Receive-FtpItem's downloads: planned per source (DownloadPlanner), then carried out: the local folders first, in plan order (each created unless it exists, and only
    /// where ShouldProcess agrees), then the files over up to -ThrottleLimit connections per session, under one progress bar.
    /// With -PassThru each downloaded file is written as Get-Item returns it.
    /// </summary>
    internal sealed class DownloadRun
    {
        private readonly FtpTransferCmdlet cmdlet;
        private readonly FtpIfExists ifExists;
        private readonly bool passThru;
        private readonly PathFilter filter;
        private readonly string destinationRoot;

        /// <param name="destinationRoot">-Destination as a full local path (the current folder when not given).</param>
        public DownloadRun(FtpTransferCmdlet cmdlet, FtpIfExists ifExists, bool passThru, PathFilter filter, string destinationRoot)
        {
            this.cmdlet = cmdlet;
            this.ifExists = ifExists;
            this.passThru = passThru;
            this.filter = filter;
            this.destinationRoot = destinationRoot;
        }

        /// <summary>The steps for every source, each walked (a folder) with a walker of its session; a source that fails is its error and the rest go on.</summary>
        /// <param name="destination">-Destination as given, or null.</param>
        /// <param name="sourcesMayVary">The sources came from a wildcard or the pipeline.</param>
        public IReadOnlyList<KeyValuePair<FtpSession, PlannedDownload>> Plan(IReadOnlyList<KeyValuePair<FtpSession, FtpListItem>> sources, string? destination, bool sourcesMayVary,
            Func<FtpSession, RemoteTreeWalker> createWalker)
        {
            var planner = DownloadPlanner.Into(destinationRoot, destination, filter, sources.Select(s => s.Value).ToList(), sourcesMayVary);
            var plan = new List<KeyValuePair<FtpSession, PlannedDownload>>();
            foreach (var source in sources)
            {
                var session = source.Key;
                planner.EntryRefused = (entry, exception) => cmdlet.WriteTransferError(session, exception, entry.FullName);
                cmdlet.TryItem(session, source.Value.FullName, () =>
                    plan.AddRange(planner.Plan(source.Value, createWalker(session)).Select(step => new KeyValuePair<FtpSession, PlannedDownload>(session, step))));
            }

            return plan;
        }

        public void Execute(IReadOnlyList<KeyValuePair<FtpSession, PlannedDownload>> plan)
        {
            var files = plan.Select(p => p.Value).Where(p => !p.IsFolder).ToList();
            var reporter = new TransferProgressReporter(cmdlet, SystemFtpClock.Instance, "Downloading", files.Count, DownloadPlanner.TotalBytes(files));
            var batch = new List<KeyValuePair<FtpSession, TransferWorkItem>>();
            try
            {
                foreach (var step in plan)
                {
                    var session = step.Key;
                    var download = step.Value;
                    if (download.Remote is null)
                    {
                        if (!Directory.Exists(download.LocalPath) && cmdlet.ShouldProcess(download.LocalPath, "Create directory"))
                            cmdlet.TryItem(session, download.LocalPath, () => Directory.CreateDirectory(download.LocalPath));
                        continue;
                    }

                    if (cmdlet.ShouldProcess(download.LocalPath, "Download " + download.Remote.FullName + " from " + session.ComputerName))
                        batch.Add(new KeyValuePair<FtpSession, TransferWorkItem>(session, new TransferWorkItem(TransferDirection.Download, download.LocalPath, download.Remote.FullName, download.Remote)));
                }

                cmdlet.RunBatch(batch, reporter, (session, item, lane, token) => Download(session, item, lane, reporter, token), Downloaded);
            }
            finally
            {
                reporter.Complete();
            }
        }

        /// <summary>On a worker thread: writes nothing itself, everything it says goes through the lane to the pipeline thread.</summary>
        private LocalTransferResult Download(FtpSession session, TransferWorkItem item, TransferLane lane, TransferProgressReporter reporter, CancellationToken cancellationToken)
        {
            var transfers = cmdlet.Configure(new LocalFileTransfers(lane.Connection), session, cmdlet.RetryPolicyFor(session), lane, reporter,
                reason => cmdlet.WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason));
            return transfers.DownloadToFile(item.RemoteItem!, item.LocalPath, ifExists, lane, cancellationToken);
        }

        private void Downloaded(TransferWorkItem item, LocalTransferResult result)
        {
            // The file as Get-Item returns it (with PSPath, PSParentPath, ...), so it shows in the usual file system view.
            if (passThru && !result.WasSkipped)
                foreach (var file in cmdlet.InvokeProvider.Item.Get(new[] { item.LocalPath }, false, true)) cmdlet.WriteObject(RetryParameters.WithRetries(file, result));
        }
    }
}

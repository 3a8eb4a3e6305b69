using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Parallel;

namespace FtpTools
{
    /// <summary>
    /// The transfer cmdlets' bridge to the engine's ParallelTransferScheduler (FtpTransferCmdlet.CreateRunner): one Run per
    /// session, with the session's trace, the scheduler's notices and the workers' progress brought onto the pipeline thread,
    /// a failed item written as that item's error, and Ctrl+C turned into a stopped pipeline. The one warning about refused
    /// connections is written once per command.
    /// </summary>
    internal sealed class ParallelTransferRunner
    {
        private readonly Cmdlet cmdlet;
        private readonly int throttleLimit;
        private readonly TransferProgressReporter reporter;
        private readonly Action<FtpSession, Exception, object?> writeItemError;
        private readonly CancellationToken cancellationToken;
        private bool fewerConnectionsWarned;

        /// <param name="writeItemError">Writes a failed item's error (or rethrows what is not an item failure); on the pipeline thread.</param>
        public ParallelTransferRunner(Cmdlet cmdlet, int throttleLimit, TransferProgressReporter reporter, Action<FtpSession, Exception, object?> writeItemError, CancellationToken cancellationToken)
        {
            this.cmdlet = cmdlet;
            this.throttleLimit = throttleLimit;
            this.reporter = reporter;
            this.writeItemError = writeItemError;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Transfers the items of one session; work runs on worker threads and must write nothing itself (use lane.Post).</summary>
        /// <param name="failed">Called instead of the item's error for a failed item, when given (it writes the error itself).</param>
        public void Run<TResult>(FtpSession session, IReadOnlyList<TransferWorkItem> items, Func<TransferWorkItem, TransferLane, CancellationToken, TResult> work,
            Action<TransferWorkItem, TResult> completed, Action<TransferWorkItem, Exception>? failed = null)
        {
            if (items.Count == 0) return;
            var scheduler = new ParallelTransferScheduler(session.Connection, throttleLimit)
            {
                Explained = message => cmdlet.WriteVerbose("[" + session.ComputerName + "] " + message),
                Progress = reporter.Report,
                FewerConnections = WarnOnceAboutConnections,
            };
            using (session.TraceRelay.RedirectTo(entry => scheduler.PostToCaller(() => cmdlet.WriteVerbose(entry.ToString()))))
            {
                try
                {
                    scheduler.Run(items, work, completed, failed ?? ((item, exception) => writeItemError(session, exception, item.RemotePath)), cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        private void WarnOnceAboutConnections(string message)
        {
            if (fewerConnectionsWarned) return;
            fewerConnectionsWarned = true;
            cmdlet.WriteWarning("[" + FtpErrorIds.FewerConnections + "] " + message);
        }
    }
}

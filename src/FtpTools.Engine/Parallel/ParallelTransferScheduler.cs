using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using FtpTools.Engine.Connecting;

namespace FtpTools.Engine.Parallel
{
    /// <summary>
    /// Runs file transfers over up to ThrottleLimit connections at once: worker 0 uses the session's own connection, each other
    /// worker opens one of its own with the session's settings (its RemoteConnector). Workers take the items in list order.
    /// Everything the caller hears (a finished item, a failed one, progress, messages) runs on the thread that called Run, so
    /// a cmdlet can write it; the work itself runs on the workers' threads and must write nothing. A connection the server
    /// refuses (421, "too many users", connection refused) leaves the job with fewer workers, told once through FewerConnections.
    /// Cancelling stops every worker; Run returns once all have ended, with the extra connections closed.
    /// </summary>
    public sealed class ParallelTransferScheduler
    {
        /// <summary>-ThrottleLimit's default: see the help of Send-FtpItem for the measurements behind it.</summary>
        public const int DefaultThrottleLimit = 4;

        private readonly RemoteConnectionSlot ownConnection;
        private readonly int throttleLimit;
        private CallerThreadMailbox? activeMailbox;

        public ParallelTransferScheduler(RemoteConnectionSlot ownConnection, int throttleLimit)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "At least one connection is needed.");
            this.ownConnection = ownConnection ?? throw new ArgumentNullException(nameof(ownConnection));
            this.throttleLimit = throttleLimit;
        }

        /// <summary>On the caller's thread, once per Run: the server did not give every connection asked for; the text says how many it did and why.</summary>
        public Action<string>? FewerConnections { get; set; }

        /// <summary>On the caller's thread: what -Verbose shows about the connections (how many are opened, closed).</summary>
        public Action<string>? Explained { get; set; }

        /// <summary>On the caller's thread: the latest progress of the file a worker (by index) is moving.</summary>
        public Action<int, FtpTransferProgress>? Progress { get; set; }

        /// <summary>
        /// From any thread while Run runs: runs onCallerThread on Run's thread (for a connection's trace, say). Outside Run it is
        /// dropped: nothing then waits to run it.
        /// </summary>
        public void PostToCaller(Action onCallerThread)
        {
            if (onCallerThread is null) throw new ArgumentNullException(nameof(onCallerThread));
            Volatile.Read(ref activeMailbox)?.Post(onCallerThread);
        }

        /// <summary>How many connections transferred files in the last Run (the session's own included).</summary>
        public int ConnectionsUsed { get; private set; }

        /// <summary>
        /// Runs work for every item. completed and failed run on this thread, in the order the items ended; an exception from
        /// them stops the workers and leaves Run. OperationCanceledException when cancellationToken was cancelled.
        /// </summary>
        public void Run<TResult>(IReadOnlyList<TransferWorkItem> items, Func<TransferWorkItem, TransferLane, CancellationToken, TResult> work,
            Action<TransferWorkItem, TResult> completed, Action<TransferWorkItem, Exception> failed, CancellationToken cancellationToken)
        {
            if (items is null) throw new ArgumentNullException(nameof(items));
            if (work is null) throw new ArgumentNullException(nameof(work));
            if (completed is null) throw new ArgumentNullException(nameof(completed));
            if (failed is null) throw new ArgumentNullException(nameof(failed));
            ConnectionsUsed = 0;
            if (items.Count == 0) return;

            var workerCount = Math.Min(throttleLimit, items.Count);
            using (var mailbox = new CallerThreadMailbox())
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                Volatile.Write(ref activeMailbox, mailbox);
                var run = new SchedulerRun<TResult>(ownConnection, items, work, completed, failed, mailbox, stop.Token, workerCount)
                {
                    Explained = Explained,
                    Progress = Progress,
                    FewerConnections = FewerConnections,
                };
                if (workerCount > 1) Explained?.Invoke("Transferring " + items.Count + " files over up to " + workerCount + " connections: the session's own and " + (workerCount - 1) + " more.");
                var threads = new List<Thread>();
                for (var index = 0; index < workerCount; index++)
                {
                    var lane = index;
                    var thread = new Thread(() => run.Work(lane)) { IsBackground = true, Name = "FtpTools transfer " + lane };
                    threads.Add(thread);
                    thread.Start();
                }

                try
                {
                    run.Pump();
                }
                catch
                {
                    stop.Cancel();
                    run.DrainSilently();
                    throw;
                }
                finally
                {
                    foreach (var thread in threads) thread.Join();
                    Volatile.Write(ref activeMailbox, null);
                    ConnectionsUsed = run.ConnectionsOpened;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}

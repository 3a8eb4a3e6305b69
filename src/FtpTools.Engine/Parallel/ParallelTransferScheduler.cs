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

        private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(200);

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
                var run = new SchedulerRun<TResult>(this, items, work, completed, failed, mailbox, stop.Token, workerCount);
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

        /// <summary>One Run's shared state: the items left, the workers still going, what was refused.</summary>
        private sealed class SchedulerRun<TResult>
        {
            private readonly ParallelTransferScheduler scheduler;
            private readonly Func<TransferWorkItem, TransferLane, CancellationToken, TResult> work;
            private readonly Action<TransferWorkItem, TResult> completed;
            private readonly Action<TransferWorkItem, Exception> failed;
            private readonly CallerThreadMailbox mailbox;
            private readonly CancellationToken stopToken;
            private readonly ConcurrentQueue<TransferWorkItem> pending;
            private readonly int workerCount;
            private int workersRunning;
            private int openingsLeft;
            private int connectionsOpened;
            private int refusals;
            private string? firstRefusal;

            public SchedulerRun(ParallelTransferScheduler scheduler, IReadOnlyList<TransferWorkItem> items, Func<TransferWorkItem, TransferLane, CancellationToken, TResult> work,
                Action<TransferWorkItem, TResult> completed, Action<TransferWorkItem, Exception> failed, CallerThreadMailbox mailbox, CancellationToken stopToken, int workerCount)
            {
                this.scheduler = scheduler;
                this.work = work;
                this.completed = completed;
                this.failed = failed;
                this.mailbox = mailbox;
                this.stopToken = stopToken;
                this.workerCount = workerCount;
                pending = new ConcurrentQueue<TransferWorkItem>(items);
                workersRunning = workerCount;
                openingsLeft = workerCount - 1;
                connectionsOpened = 1;
            }

            public int ConnectionsOpened => Volatile.Read(ref connectionsOpened);

            /// <summary>On the caller's thread: runs what the workers post until the last one has ended.</summary>
            public void Pump()
            {
                while (Volatile.Read(ref workersRunning) > 0)
                    mailbox.Take(PumpInterval)?.Invoke();
                Action? left;
                while ((left = mailbox.Take(TimeSpan.Zero)) != null) left();
            }

            /// <summary>After the caller gave up: lets the workers end without running what they post.</summary>
            public void DrainSilently()
            {
                while (Volatile.Read(ref workersRunning) > 0) mailbox.Take(PumpInterval);
            }

            /// <summary>One worker's thread: its connection (the session's, or a new one), then items until none are left.</summary>
            public void Work(int index)
            {
                RemoteConnectionSlot? slot = null;
                try
                {
                    slot = index == 0 ? scheduler.ownConnection : OpenExtra();
                    if (slot is null) return;
                    var lane = new TransferLane(index, slot, mailbox, scheduler.Progress);
                    while (!stopToken.IsCancellationRequested && pending.TryDequeue(out var item))
                    {
                        if (!RunItem(item, lane, slot, index)) break;
                    }
                }
                catch (Exception bug)
                {
                    // Not a transfer failure (RunItem reports those): a defect, raised on the caller's thread rather than ending the process.
                    var captured = ExceptionDispatchInfo.Capture(bug);
                    mailbox.Post(captured.Throw);
                }
                finally
                {
                    if (index != 0 && slot != null) Close(slot);
                    Interlocked.Decrement(ref workersRunning);
                }
            }

            /// <summary>Runs one item; false when this worker should stop (cancelled, or its own extra connection is gone).</summary>
            private bool RunItem(TransferWorkItem item, TransferLane lane, RemoteConnectionSlot slot, int index)
            {
                try
                {
                    var result = work(item, lane, stopToken);
                    mailbox.Post(() => completed(item, result));
                    return true;
                }
                catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
                {
                    return false;
                }
                catch (Exception exception)
                {
                    mailbox.Post(() => failed(item, exception));
                    // An extra connection that dropped retires its worker; the others take its items. The session's own
                    // worker carries on: its next item fails fast, and the caller decides whether the job can go on.
                    if (index != 0 && !slot.Current.IsConnected)
                    {
                        mailbox.Post(() => scheduler.Explained?.Invoke("Connection " + index + " was lost; the other connections take over its files."));
                        return false;
                    }

                    return true;
                }
            }

            private RemoteConnectionSlot? OpenExtra()
            {
                try
                {
                    var slot = RemoteConnectionSlot.Open(scheduler.ownConnection.Connector, stopToken);
                    Interlocked.Increment(ref connectionsOpened);
                    OpeningEnded();
                    return slot;
                }
                catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
                {
                    return null;
                }
                catch (FtpException exception)
                {
                    Interlocked.Increment(ref refusals);
                    Interlocked.CompareExchange(ref firstRefusal, exception.Message, null);
                    OpeningEnded();
                    return null;
                }
            }

            /// <summary>When the last extra connection has been opened or refused, tells once how many the server gave.</summary>
            private void OpeningEnded()
            {
                if (Interlocked.Decrement(ref openingsLeft) != 0 || Volatile.Read(ref refusals) == 0) return;
                var accepted = workerCount - refusals;
                var message = "The server accepted " + accepted + " of the " + workerCount + " connections asked for, so " + accepted + " transfer"
                    + (accepted == 1 ? " runs" : "s run") + " at a time; the files are all transferred. It answered: " + firstRefusal
                    + " Lower -ThrottleLimit (or raise the server's per-user connection limit) to avoid this.";
                mailbox.Post(() => scheduler.FewerConnections?.Invoke(message));
            }

            private void Close(RemoteConnectionSlot slot)
            {
                if (stopToken.IsCancellationRequested) slot.Current.Dispose();
                else RemoteConnectionSlot.CloseQuietly(slot.Current);
            }
        }
    }
}

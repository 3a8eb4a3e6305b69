using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using FtpTools.Engine.Connecting;

namespace FtpTools.Engine.Parallel
{
    /// <summary>One ParallelTransferScheduler.Run's shared state: the items left, the workers still going, what was refused; and what each worker does.</summary>
    internal sealed class SchedulerRun<TResult>
    {
        /// <summary>How often the caller's thread looks whether the workers have ended when nothing was posted.</summary>
        private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(200);

        private readonly RemoteConnectionSlot ownConnection;
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

        public SchedulerRun(RemoteConnectionSlot ownConnection, IReadOnlyList<TransferWorkItem> items, Func<TransferWorkItem, TransferLane, CancellationToken, TResult> work,
            Action<TransferWorkItem, TResult> completed, Action<TransferWorkItem, Exception> failed, CallerThreadMailbox mailbox, CancellationToken stopToken, int workerCount)
        {
            this.ownConnection = ownConnection;
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

        public Action<string>? Explained { get; set; }

        public Action<int, FtpTransferProgress>? Progress { get; set; }

        public Action<string>? FewerConnections { get; set; }

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
                slot = index == 0 ? ownConnection : OpenExtra();
                if (slot is null) return;
                var lane = new TransferLane(index, slot, mailbox, Progress);
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
                    mailbox.Post(() => Explained?.Invoke("Connection " + index + " was lost; the other connections take over its files."));
                    return false;
                }

                return true;
            }
        }

        private RemoteConnectionSlot? OpenExtra()
        {
            try
            {
                var slot = RemoteConnectionSlot.Open(ownConnection.Connector, stopToken);
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
            mailbox.Post(() => FewerConnections?.Invoke(message));
        }

        private void Close(RemoteConnectionSlot slot)
        {
            if (stopToken.IsCancellationRequested) slot.Current.Dispose();
            else RemoteConnectionSlot.CloseQuietly(slot.Current);
        }
    }
}

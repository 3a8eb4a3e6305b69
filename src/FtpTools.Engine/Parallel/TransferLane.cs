using System;
using System.Threading;
using FtpTools.Engine.Connecting;

namespace FtpTools.Engine.Parallel
{
    /// <summary>
    /// What one worker of the parallel scheduler hands to the work it runs: its own connection, its number, and the way to
    /// get anything (a message, a progress report) to the caller's thread. Progress is coalesced: a report replaces one the
    /// caller has not picked up yet, so a fast transfer cannot flood the caller.
    /// </summary>
    public sealed class TransferLane : IProgress<FtpTransferProgress>
    {
        private readonly CallerThreadMailbox mailbox;
        private readonly Action<int, FtpTransferProgress>? progressSink;
        private FtpTransferProgress? latest;
        private int progressPosted;

        internal TransferLane(int index, RemoteConnectionSlot connection, CallerThreadMailbox mailbox, Action<int, FtpTransferProgress>? progressSink)
        {
            Index = index;
            Connection = connection;
            this.mailbox = mailbox;
            this.progressSink = progressSink;
        }

        /// <summary>0 for the worker on the session's own connection, 1.. for the extra ones.</summary>
        public int Index { get; }

        public RemoteConnectionSlot Connection { get; }

        /// <summary>Runs onCallerThread on the thread that called ParallelTransferScheduler.Run, in the order posted.</summary>
        public void Post(Action onCallerThread) => mailbox.Post(onCallerThread);

        public void Report(FtpTransferProgress value)
        {
            if (progressSink is null) return;
            Volatile.Write(ref latest, value);
            if (Interlocked.Exchange(ref progressPosted, 1) == 1) return;
            mailbox.Post(() =>
            {
                Interlocked.Exchange(ref progressPosted, 0);
                var report = Volatile.Read(ref latest);
                if (report != null) progressSink(Index, report);
            });
        }
    }
}

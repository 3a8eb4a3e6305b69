using System;
using System.Collections.Concurrent;
using System.Threading;
using FtpTools.Engine;

namespace FtpTools.Sftp
{
    /// <summary>
    /// The session's trace sink; every line is Info (SFTP has no command text to echo), never a secret. As with FtpClient,
    /// the sink is called only on the thread that calls the engine: SSH.NET raises its events (host key, server version,
    /// authentication) on threads of its own, so their lines wait in a queue until the calling thread passes by again.
    /// </summary>
    internal sealed class SftpTrace
    {
        private readonly Action<FtpTraceEntry>? sink;
        private readonly ConcurrentQueue<string> pending = new ConcurrentQueue<string>();
        private int callerThread;

        public SftpTrace(Action<FtpTraceEntry>? sink)
        {
            this.sink = sink;
            callerThread = Thread.CurrentThread.ManagedThreadId;
        }

        public void Info(string text)
        {
            if (sink is null) return;
            pending.Enqueue(text);
            Flush();
        }

        /// <summary>Marks the current thread as the caller's (each public call does) and delivers what is waiting.</summary>
        public void OnCallerThread()
        {
            callerThread = Thread.CurrentThread.ManagedThreadId;
            Flush();
        }

        private void Flush()
        {
            if (sink is null || Thread.CurrentThread.ManagedThreadId != callerThread) return;
            while (pending.TryDequeue(out var text)) sink(new FtpTraceEntry(FtpTraceDirection.Info, text));
        }
    }
}

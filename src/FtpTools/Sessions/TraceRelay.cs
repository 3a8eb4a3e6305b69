using System;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>
    /// The engine's trace sink is fixed when the client is created, but the cmdlet that should show the trace changes with every call.
    /// The client traces into this relay; the running cmdlet points the relay at itself for the duration of its work.
    /// </summary>
    public sealed class TraceRelay
    {
        private Action<FtpTraceEntry>? target;

        public void Forward(FtpTraceEntry entry) => target?.Invoke(entry);

        /// <summary>Sends the trace to target until the returned scope is disposed, then restores the previous target.</summary>
        public IDisposable RedirectTo(Action<FtpTraceEntry> newTarget)
        {
            var previous = target;
            target = newTarget;
            return new Restore(this, previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly TraceRelay relay;
            private readonly Action<FtpTraceEntry>? previous;
            private bool disposed;

            public Restore(TraceRelay relay, Action<FtpTraceEntry>? previous)
            {
                this.relay = relay;
                this.previous = previous;
            }

            public void Dispose()
            {
                if (disposed) return;
                disposed = true;
                relay.target = previous;
            }
        }
    }
}

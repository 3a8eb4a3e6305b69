using System;
using System.Collections.Concurrent;

namespace FtpTools.Engine.Parallel
{
    /// <summary>
    /// Work that worker threads hand to the thread that started them: PowerShell lets only the pipeline thread write
    /// output, errors, progress and verbose messages, so workers post those here and that thread runs them.
    /// </summary>
    internal sealed class CallerThreadMailbox : IDisposable
    {
        private readonly BlockingCollection<Action> queue = new BlockingCollection<Action>();

        public void Post(Action onCallerThread) => queue.Add(onCallerThread ?? throw new ArgumentNullException(nameof(onCallerThread)));

        /// <summary>Waits up to wait for the next posted action; null when none came.</summary>
        public Action? Take(TimeSpan wait) => queue.TryTake(out var next, wait) ? next : null;

        public void Dispose() => queue.Dispose();
    }
}

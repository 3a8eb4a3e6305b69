using System;
using System.Threading;

namespace FtpTools.Engine.Retrying
{
    /// <summary>The back-off wait between attempts; tests pass a delegate that records the delay instead of sleeping.</summary>
    public static class RetryWait
    {
        /// <summary>Waits delay, or throws OperationCanceledException as soon as the token is cancelled.</summary>
        public static void Sleep(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero) cancellationToken.WaitHandle.WaitOne(delay);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;

namespace FtpTools.Engine.Tests
{
    /// <summary>
    /// Advances a second on every reading. Progress is reported at most every 250 ms, in which a transfer on loopback moves
    /// tens of MiB; with this clock every read of the data connection reports, so an action tied to a byte count lands there.
    /// Use it with KeepAliveInterval = TimeSpan.Zero, or every read would also send a NOOP.
    /// Wait stands in for the retry back-off (RetryWait.Sleep): it moves the time on instead of sleeping and records the wait.
    /// </summary>
    internal sealed class SteppingClock : IFtpClock
    {
        private DateTimeOffset now = DateTimeOffset.UtcNow;

        public DateTimeOffset UtcNow => now = now.AddSeconds(1);

        /// <summary>The waits asked for, in order.</summary>
        public List<TimeSpan> Waits { get; } = new List<TimeSpan>();

        public void Wait(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Waits.Add(delay);
            now = now.Add(delay);
        }
    }
}

using System;

namespace FtpTools.Engine.Retrying
{
    /// <summary>
    /// How often a file transfer that failed for a transient reason is tried again, and how long to wait before each retry:
    /// RetryDelay before the first, doubled before each next one, never more than MaxDelay.
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>The longest wait between two attempts unless the first delay is longer. Declared first: the policies below use it.</summary>
        public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMinutes(1);

        /// <summary>Three retries, 5 s, 10 s and 20 s apart: long enough for a server restart or a network blip, short enough that a job whose server is really gone fails within a minute.</summary>
        public static readonly RetryPolicy Default = new RetryPolicy(3, TimeSpan.FromSeconds(5));

        /// <summary>Fail at the first error.</summary>
        public static readonly RetryPolicy None = new RetryPolicy(0, TimeSpan.Zero);

        public RetryPolicy(int retryCount, TimeSpan retryDelay, TimeSpan? maxDelay = null)
        {
            if (retryCount < 0) throw new ArgumentOutOfRangeException(nameof(retryCount), retryCount, "The retry count cannot be negative.");
            if (retryDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retryDelay), retryDelay, "The retry delay cannot be negative.");
            RetryCount = retryCount;
            RetryDelay = retryDelay;
            MaxDelay = maxDelay ?? (retryDelay > DefaultMaxDelay ? retryDelay : DefaultMaxDelay);
        }

        /// <summary>Retries after the first attempt: 0 tries once.</summary>
        public int RetryCount { get; }

        /// <summary>The wait before the first retry.</summary>
        public TimeSpan RetryDelay { get; }

        /// <summary>The longest wait between two attempts.</summary>
        public TimeSpan MaxDelay { get; }

        /// <summary>The wait before retry number retry (1 for the first retry).</summary>
        public TimeSpan DelayBefore(int retry)
        {
            if (retry < 1) throw new ArgumentOutOfRangeException(nameof(retry), retry, "Retries are numbered from 1.");
            var ticks = (double)RetryDelay.Ticks;
            for (var i = 1; i < retry && ticks < MaxDelay.Ticks; i++) ticks *= 2;
            return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
        }

        /// <summary>This policy with the count, the delay or both replaced (a cmdlet's -RetryCount and -RetryDelay over the session's).</summary>
        public RetryPolicy With(int? retryCount, TimeSpan? retryDelay) =>
            retryCount is null && retryDelay is null ? this : new RetryPolicy(retryCount ?? RetryCount, retryDelay ?? RetryDelay);

        public override string ToString() => RetryCount == 0 ? "no retries" : RetryCount + " retries, first after " + RetryDelay.TotalSeconds + " s, doubling up to " + MaxDelay.TotalSeconds + " s";
    }
}

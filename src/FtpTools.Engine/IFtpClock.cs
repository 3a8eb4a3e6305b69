using System;

namespace FtpTools.Engine
{
    /// <summary>The time, passed in rather than read, so listing year inference and keepalive timing are testable.</summary>
    public interface IFtpClock
    {
        DateTimeOffset UtcNow { get; }
    }

    public sealed class SystemFtpClock : IFtpClock
    {
        public static readonly SystemFtpClock Instance = new SystemFtpClock();

        private SystemFtpClock()
        {
        }

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
    }
}

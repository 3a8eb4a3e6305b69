using System;

namespace FtpTools.Engine.Tests
{
    internal sealed class FixedClock : IFtpClock
    {
        public FixedClock(DateTimeOffset now) => UtcNow = now;

        public DateTimeOffset UtcNow { get; set; }
    }
}

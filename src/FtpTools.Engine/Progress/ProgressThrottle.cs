using System;

namespace FtpTools.Engine.Progress
{
    /// <summary>
    /// Lets a progress bar be drawn at most once per interval, and not before a first delay has passed, so a command
    /// that ends quickly draws nothing. A draw that took long (pwsh's console host asks the terminal for the cursor
    /// position and waits up to 2 s for an answer that a terminal under `script` never sends; its first draw waits
    /// about 18 s there) pushes the next one further away, so that drawing takes at most about a twentieth of the
    /// command's time however slow the terminal is.
    /// </summary>
    public sealed class ProgressThrottle
    {
        public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

        /// <summary>Commands shorter than this show no bar at all.</summary>
        public static readonly TimeSpan DefaultFirstDraw = TimeSpan.FromSeconds(1);

        /// <summary>How many times its own duration must pass after a draw before the next one.</summary>
        private const int QuietPerDrawTime = 20;

        private readonly IFtpClock clock;
        private readonly TimeSpan interval;
        private DateTimeOffset nextDraw;

        public ProgressThrottle(IFtpClock clock, TimeSpan firstDraw, TimeSpan interval)
        {
            if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
            if (firstDraw < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(firstDraw), firstDraw, "The first draw cannot be in the past.");
            this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
            this.interval = interval;
            nextDraw = clock.UtcNow + firstDraw;
        }

        /// <summary>True (and the next draw an interval away) when the bar may be drawn now.</summary>
        public bool TryTake()
        {
            var now = clock.UtcNow;
            if (now < nextDraw) return false;
            nextDraw = now + interval;
            return true;
        }

        /// <summary>Tells how long the draw that TryTake allowed took; a slow draw postpones the next one.</summary>
        public void DrawTook(TimeSpan duration)
        {
            if (duration <= TimeSpan.Zero) return;
            var quietUntil = clock.UtcNow + TimeSpan.FromTicks(duration.Ticks * QuietPerDrawTime);
            if (quietUntil > nextDraw) nextDraw = quietUntil;
        }
    }
}

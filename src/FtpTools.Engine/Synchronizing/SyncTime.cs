using System;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>
    /// A modification time as the span it may stand for. An exact time (MLSD, MDTM, SFTP, the local disk) is one instant.
    /// A LIST line's time has no seconds ("Nov 21 05:05": the minute from 05:05:00 on) or, for older files, no time of day
    /// in the server's unknown time zone ("Jan  2  2021": a day on either side of that date).
    /// </summary>
    public readonly struct SyncTime
    {
        private SyncTime(DateTimeOffset nominal, DateTimeOffset earliest, DateTimeOffset latest, bool isExact)
        {
            Nominal = nominal;
            Earliest = earliest;
            Latest = latest;
            IsExact = isExact;
        }

        /// <summary>The time as given.</summary>
        public DateTimeOffset Nominal { get; }

        public DateTimeOffset Earliest { get; }

        public DateTimeOffset Latest { get; }

        public bool IsExact { get; }

        public static SyncTime Exact(DateTimeOffset time) => new SyncTime(time, time, time, true);

        public static SyncTime Of(DateTimeOffset time, bool approximate)
        {
            if (!approximate) return Exact(time);
            if (time.UtcDateTime.TimeOfDay == TimeSpan.Zero) return new SyncTime(time, time.AddDays(-1), time.AddDays(2), false);
            return new SyncTime(time, time, time.AddSeconds(60), false);
        }

        /// <summary>True when this time is surely later than other by more than tolerance.</summary>
        public bool IsSurelyLaterThan(SyncTime other, TimeSpan tolerance) => Earliest > other.Latest + tolerance;

        /// <summary>True when the two may be the same instant within tolerance.</summary>
        public bool MayEqual(SyncTime other, TimeSpan tolerance) => !IsSurelyLaterThan(other, tolerance) && !other.IsSurelyLaterThan(this, tolerance);

        public override string ToString() =>
            IsExact ? Nominal.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z"
                : Nominal.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "Z (approximate)";
    }
}

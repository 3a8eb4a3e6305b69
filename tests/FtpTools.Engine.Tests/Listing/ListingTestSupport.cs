using System;
using System.Globalization;
using Xunit;

namespace FtpTools.Engine.Tests.Listing
{
    internal static class ListingTestSupport
    {
        /// <summary>The lab servers' clock when the reference lines were captured.</summary>
        public const string LabNow = "2026-11-21T12:00:00Z";

        public static DateTimeOffset Utc(string text) =>
            DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public static FtpListingContext Context(string directory, string now = LabNow) =>
            new FtpListingContext(directory, new FixedClock(Utc(now)));

        public static void AssertTime(string? expected, DateTimeOffset? actual)
        {
            if (expected is null)
            {
                Assert.Null(actual);
                return;
            }

            Assert.True(actual.HasValue, "LastWriteTime is missing");
            Assert.Equal(Utc(expected), actual!.Value);
            Assert.Equal(TimeSpan.Zero, actual.Value.Offset);
        }
    }
}

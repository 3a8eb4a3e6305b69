using System;
using System.Linq;
using FtpTools.Engine.Retrying;
using Xunit;

namespace FtpTools.Engine.Tests.Retrying
{
    public sealed class RetryPolicyTests
    {
        [Fact]
        public void DelaysDoubleFromTheFirstAndStopAtTheCap()
        {
            var policy = new RetryPolicy(8, TimeSpan.FromSeconds(5));

            Assert.Equal(new[] { 5.0, 10, 20, 40, 60, 60, 60, 60 }, new[] { 1, 2, 3, 4, 5, 6, 7, 8 }.Select(retry => policy.DelayBefore(retry).TotalSeconds));
        }

        [Fact]
        public void DefaultIsThreeRetriesFiveSecondsApartDoubling()
        {
            Assert.Equal(3, RetryPolicy.Default.RetryCount);
            Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.Default.DelayBefore(1));
            Assert.Equal(TimeSpan.FromSeconds(20), RetryPolicy.Default.DelayBefore(3));
            Assert.Equal(0, RetryPolicy.None.RetryCount);
        }

        [Fact]
        public void ZeroDelayRetriesAtOnceAndALongFirstDelayIsItsOwnCap()
        {
            Assert.Equal(TimeSpan.Zero, new RetryPolicy(3, TimeSpan.Zero).DelayBefore(3));
            Assert.Equal(TimeSpan.FromMinutes(10), new RetryPolicy(3, TimeSpan.FromMinutes(10)).DelayBefore(2));
        }

        [Fact]
        public void WithReplacesOnlyWhatIsGiven()
        {
            var session = new RetryPolicy(3, TimeSpan.FromSeconds(5));

            Assert.Same(session, session.With(null, null));
            Assert.Equal(0, session.With(0, null).RetryCount);
            Assert.Equal(TimeSpan.FromSeconds(5), session.With(0, null).RetryDelay);
            Assert.Equal(3, session.With(null, TimeSpan.FromSeconds(1)).RetryCount);
            Assert.Equal(TimeSpan.FromSeconds(1), session.With(null, TimeSpan.FromSeconds(1)).RetryDelay);
        }

        [Fact]
        public void NegativeValuesAreRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(-1, TimeSpan.Zero));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.FromSeconds(-1)));
            Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.DelayBefore(0));
        }
    }
}

using System;
using System.Linq;
using FtpTools.Engine.Completion;
using Xunit;

namespace FtpTools.Engine.Tests.Completion
{
    public class CompletionListingCacheTests
    {
        private static readonly DateTimeOffset Noon = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        private static FtpListItem[] Items(string name) => new[] { new FtpListItem(name, "/" + name, FtpItemType.File) };

        [Fact]
        public void A_listing_is_kept_per_folder_for_its_lifetime()
        {
            var clock = new FixedClock(Noon);
            var cache = new CompletionListingCache(clock, TimeSpan.FromSeconds(5));
            cache.Store("/a", Items("x"));
            Assert.Null(cache.Find("/b"));
            clock.UtcNow = Noon.AddSeconds(4.9);
            Assert.Equal("x", cache.Find("/a")!.Single().Name);
            clock.UtcNow = Noon.AddSeconds(5);
            Assert.Null(cache.Find("/a"));
        }

        [Fact]
        public void The_number_of_folders_kept_is_bounded_and_the_oldest_goes_first()
        {
            var clock = new FixedClock(Noon);
            var cache = new CompletionListingCache(clock, TimeSpan.FromMinutes(5));
            for (var i = 0; i < 40; i++)
            {
                clock.UtcNow = Noon.AddSeconds(i);
                cache.Store("/f" + i, Items("x" + i));
            }

            Assert.Null(cache.Find("/f0"));
            Assert.NotNull(cache.Find("/f39"));
            var kept = Enumerable.Range(0, 40).Count(i => cache.Find("/f" + i) != null);
            Assert.InRange(kept, 1, 32);
        }
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Completion;
using Xunit;

namespace FtpTools.Engine.Tests.Completion
{
    public class RemotePathCompletionTests
    {
        private static readonly DateTimeOffset Noon = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        private static FakeFolders Server() => new FakeFolders()
            .With("/", "inbox/", "index.html", "outbox/", ".hidden/")
            .With("/inbox", "a[1].txt", "sub dir/", "it's.txt", "plain.txt", "$cash.csv", ".profile", "-dash.txt", "Zeta.txt")
            .With("/inbox/sub dir", "deep.txt");

        private static string[] Complete(FakeFolders server, string word, bool wildcard, string currentDirectory = "/") =>
            new RemotePathCompletion(server.List, new CompletionListingCache(new FixedClock(Noon), TimeSpan.FromSeconds(5)))
                .Complete(word, currentDirectory, wildcard).Select(item => item.CompletionText).ToArray();

        [Fact]
        public void A_word_without_a_slash_at_its_end_lists_its_parent_and_matches_the_rest_as_a_prefix()
        {
            var server = Server();
            Assert.Equal(new[] { "/inbox/", "/index.html" }, Complete(server, "/in", wildcard: false));
            Assert.Equal(new[] { "/" }, server.Listed);
        }

        [Fact]
        public void A_word_ending_in_a_slash_lists_that_folder_and_folders_get_a_trailing_slash()
        {
            var server = Server();
            var texts = Complete(server, "/inbox/", wildcard: false);
            Assert.Equal(new[] { "/inbox" }, server.Listed);
            Assert.Contains("'/inbox/sub dir/'", texts);
            Assert.Contains("/inbox/plain.txt", texts);
        }

        [Fact]
        public void Relative_words_list_folders_of_the_current_directory_and_stay_relative()
        {
            var server = Server();
            Assert.Equal(new[] { "plain.txt" }, Complete(server, "pl", wildcard: false, currentDirectory: "/inbox"));
            Assert.Equal(new[] { "'sub dir/deep.txt'" }, Complete(server, "'sub dir/", wildcard: false, currentDirectory: "/inbox"));
            Assert.Equal(new[] { "../outbox/" }, Complete(server, "../o", wildcard: false, currentDirectory: "/inbox"));
            Assert.Equal(new[] { "/inbox", "/inbox/sub dir", "/" }, server.Listed);
        }

        [Fact]
        public void Wildcard_characters_in_names_are_escaped_for_a_wildcard_parameter_only()
        {
            Assert.Equal(new[] { "'/inbox/a`[1`].txt'" }, Complete(Server(), "/inbox/a", wildcard: true));
            Assert.Equal(new[] { "'/inbox/a[1].txt'" }, Complete(Server(), "/inbox/a", wildcard: false));
        }

        [Theory]
        [InlineData("/inbox/a[", true)]
        [InlineData("/inbox/a`[", true)]
        [InlineData("'/inbox/a`[1", true)]
        [InlineData("/inbox/a[", false)]
        public void A_typed_bracket_matches_a_bracket_in_the_name(string word, bool wildcard)
        {
            Assert.Single(Complete(Server(), word, wildcard));
        }

        [Fact]
        public void A_wildcard_typed_in_a_wildcard_word_matches_like_a_pattern()
        {
            Assert.Equal(new[] { "/inbox/plain.txt", "/inbox/Zeta.txt" }, Complete(Server(), "/inbox/?[el]*.t", wildcard: true));
            Assert.Empty(Complete(Server(), "/inbox/?[el]*.t", wildcard: false));
        }

        [Theory]
        [InlineData("/inbox/it", "'/inbox/it''s.txt'")]
        [InlineData("/inbox/$", "'/inbox/$cash.csv'")]
        [InlineData("/inbox/Z", "/inbox/Zeta.txt")]
        [InlineData("/inbox/z", "/inbox/Zeta.txt")]
        [InlineData("\"/inbox/it", "'/inbox/it''s.txt'")]
        [InlineData("'/inbox/it''", "'/inbox/it''s.txt'")]
        public void Names_special_to_PowerShell_are_quoted_and_matching_ignores_case(string word, string expected)
        {
            Assert.Equal(new[] { expected }, Complete(Server(), word, wildcard: false));
        }

        [Fact]
        public void A_relative_name_starting_with_a_dash_is_quoted_so_it_is_not_read_as_a_parameter()
        {
            Assert.Equal(new[] { "'-dash.txt'" }, Complete(Server(), "-", wildcard: false, currentDirectory: "/inbox"));
        }

        [Fact]
        public void Dot_entries_are_offered_only_when_the_name_typed_starts_with_a_dot()
        {
            Assert.DoesNotContain("/.hidden/", Complete(Server(), "/", wildcard: false));
            Assert.Equal(new[] { "/.hidden/" }, Complete(Server(), "/.", wildcard: false));
        }

        [Fact]
        public void A_folder_that_cannot_be_listed_offers_nothing()
        {
            Assert.Empty(Complete(Server(), "/nowhere/", wildcard: false));
        }

        [Fact]
        public void Results_are_capped_in_count()
        {
            var names = Enumerable.Range(0, 1200).Select(i => "f" + i.ToString("D4")).ToArray();
            var server = new FakeFolders().With("/big", names);
            var completion = new RemotePathCompletion(server.List, new CompletionListingCache(new FixedClock(Noon), TimeSpan.FromSeconds(5))) { MaximumResults = 500 };
            var results = completion.Complete("/big/", "/", wildcard: false);
            Assert.Equal(500, results.Count);
            Assert.Equal("/big/f0000", results[0].CompletionText);
        }

        [Fact]
        public void A_listing_slower_than_the_timeout_is_cancelled_and_offers_nothing()
        {
            var cancelled = false;
            FtpListing Hang(string directory, CancellationToken token)
            {
                cancelled = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                token.ThrowIfCancellationRequested();
                throw new InvalidOperationException("The timeout never fired.");
            }

            var completion = new RemotePathCompletion(Hang, new CompletionListingCache(new FixedClock(Noon), TimeSpan.FromSeconds(5))) { ListingTimeout = TimeSpan.FromMilliseconds(200) };
            var watch = Stopwatch.StartNew();
            Assert.Empty(completion.Complete("/slow/", "/", wildcard: false));
            Assert.True(cancelled);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "took " + watch.Elapsed);
        }

        [Fact]
        public void A_folder_listed_a_moment_ago_comes_from_the_cache_until_its_lifetime_ends()
        {
            var server = Server();
            var clock = new FixedClock(Noon);
            var completion = new RemotePathCompletion(server.List, new CompletionListingCache(clock, TimeSpan.FromSeconds(5)));
            completion.Complete("/inbox/p", "/", wildcard: false);
            clock.UtcNow = Noon.AddSeconds(4);
            completion.Complete("/inbox/s", "/", wildcard: false);
            Assert.Single(server.Listed);
            clock.UtcNow = Noon.AddSeconds(5);
            completion.Complete("/inbox/s", "/", wildcard: false);
            Assert.Equal(2, server.Listed.Count);
        }

        [Fact]
        public void Items_carry_the_name_for_the_menu_and_the_full_path_for_the_tooltip()
        {
            var item = new RemotePathCompletion(Server().List, new CompletionListingCache(new FixedClock(Noon), TimeSpan.FromSeconds(5)))
                .Complete("/inbox/su", "/", wildcard: false).Single();
            Assert.Equal("sub dir/", item.ListItemText);
            Assert.Equal("/inbox/sub dir", item.FullName);
            Assert.True(item.IsFolder);
        }
    }
}

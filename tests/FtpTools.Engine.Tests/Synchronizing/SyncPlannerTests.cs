using System;
using System.Collections.Generic;
using System.Linq;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Synchronizing;
using Xunit;

namespace FtpTools.Engine.Tests.Synchronizing
{
    /// <summary>The planner is pure: two trees of entries in, actions out; the lookups are counted fakes.</summary>
    public class SyncPlannerTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 4, 10, 20, 30, TimeSpan.Zero);
        private static readonly DateTimeOffset Started = T0.AddHours(2);

        private static SyncEntry File(string path, long length, DateTimeOffset? time, bool approximate = false) => new SyncEntry(path, false, length, time, approximate, "/r/" + path);

        private static SyncEntry Folder(string path) => new SyncEntry(path, true, null, T0, false, "/r/" + path);

        private static SyncOptions Upload(Action<SyncOptions>? configure = null) => With(new SyncOptions(FtpSyncDirection.Upload, Started), configure);

        private static SyncOptions Download(Action<SyncOptions>? configure = null) => With(new SyncOptions(FtpSyncDirection.Download, Started), configure);

        private static SyncOptions With(SyncOptions options, Action<SyncOptions>? configure)
        {
            configure?.Invoke(options);
            return options;
        }

        private static SyncPlan Plan(SyncEntry[] source, SyncEntry[] target, SyncOptions options, FakeLookups? lookups = null, Dictionary<string, SyncEntry>? partials = null) =>
            SyncPlanner.Plan(source, target, partials, options, lookups ?? new FakeLookups());

        private static string[] Steps(SyncPlan plan) => plan.Actions.Select(a => a.Kind + " " + a.RelativePath + (a.Blocked != null ? " (blocked)" : string.Empty)).ToArray();

        private static SyncAction Single(SyncPlan plan) => Assert.Single(plan.Actions);

        [Fact]
        public void New_folders_and_files_are_created_parents_first_and_equal_files_skipped()
        {
            var source = new[] { File("a.txt", 10, T0), Folder("sub"), File("sub/b.txt", 5, T0), Folder("sub/empty") };
            var target = new[] { File("a.txt", 10, T0) };
            Assert.Equal(new[] { "Skip a.txt", "CreateFolder sub", "Upload sub/b.txt", "CreateFolder sub/empty" }, Steps(Plan(source, target, Upload())));
        }

        [Fact]
        public void A_missing_target_folder_is_created_first()
        {
            var plan = Plan(new[] { File("a", 1, T0) }, Array.Empty<SyncEntry>(), Download(o => o.TargetRootExists = false));
            Assert.Equal(new[] { "CreateFolder .", "Download a" }, Steps(plan));
        }

        [Fact]
        public void A_second_run_after_a_finished_one_plans_only_skips()
        {
            // As a finished run leaves it: MFMT/SFTP keep whole seconds of the local time, the local time had fractions.
            var source = new[] { Folder("d"), File("d/a", 10, T0.AddMilliseconds(700)), File("b", 0, T0) };
            var target = new[] { Folder("d"), File("d/a", 10, T0), File("b", 0, T0) };
            Assert.All(Plan(source, target, Upload()).Actions, a => Assert.Equal(SyncActionKind.Skip, a.Kind));
        }

        [Fact]
        public void Different_sizes_are_a_change_whatever_the_times()
        {
            var action = Single(Plan(new[] { File("a", 11, T0) }, new[] { File("a", 10, T0) }, Upload()));
            Assert.Equal(SyncActionKind.Upload, action.Kind);
            Assert.Contains("sizes differ", action.Reason);
            Assert.Equal(11, action.Length);
        }

        [Theory]
        [InlineData(1, SyncActionKind.Skip)]
        [InlineData(2, SyncActionKind.Skip)]
        [InlineData(3, SyncActionKind.Download)]
        [InlineData(-3, SyncActionKind.Download)]
        public void Where_the_target_keeps_the_source_time_a_difference_beyond_the_tolerance_either_way_is_a_change(int seconds, SyncActionKind expected)
        {
            var action = Single(Plan(new[] { File("a", 10, T0.AddSeconds(seconds)) }, new[] { File("a", 10, T0) }, Download()));
            Assert.Equal(expected, action.Kind);
        }

        [Theory]
        [InlineData(-3600, SyncActionKind.Skip)]
        [InlineData(2, SyncActionKind.Skip)]
        [InlineData(3, SyncActionKind.Upload)]
        public void Where_the_server_shows_upload_times_only_a_newer_source_is_a_change(int seconds, SyncActionKind expected)
        {
            var action = Single(Plan(new[] { File("a", 10, T0.AddSeconds(seconds)) }, new[] { File("a", 10, T0) }, Upload(o => o.TargetKeepsSourceTime = false)));
            Assert.Equal(expected, action.Kind);
        }

        [Fact]
        public void An_approximate_remote_time_that_decides_nothing_is_not_looked_up()
        {
            var lookups = new FakeLookups();
            // Uploaded an hour after the local file last changed; LIST shows the minute.
            var plan = Plan(new[] { File("a", 10, T0) }, new[] { File("a", 10, T0.AddHours(1).AddSeconds(-30), true) }, Upload(o => o.TargetKeepsSourceTime = false), lookups);
            Assert.Equal(SyncActionKind.Skip, Single(plan).Kind);
            Assert.Empty(lookups.TimesAsked);
        }

        [Fact]
        public void An_approximate_remote_time_that_leaves_the_answer_open_is_asked_for_exactly()
        {
            // LIST shows 10:20 for a file whose exact time is 10:20:45; the local file is 10:20:30.
            var remote = File("a", 10, new DateTimeOffset(2025, 3, 4, 10, 20, 0, TimeSpan.Zero), true);
            var lookups = new FakeLookups { ExactTimes = { ["/r/a"] = T0.AddSeconds(15) } };
            var action = Single(Plan(new[] { remote }, new[] { File("a", 10, T0) }, Download(), lookups));
            Assert.Equal(SyncActionKind.Download, action.Kind);
            Assert.Equal(new[] { "/r/a" }, lookups.TimesAsked);

            lookups = new FakeLookups { ExactTimes = { ["/r/a"] = T0 } };
            Assert.Equal(SyncActionKind.Skip, Single(Plan(new[] { remote }, new[] { File("a", 10, T0) }, Download(), lookups)).Kind);
        }

        [Fact]
        public void Without_an_exact_time_an_open_answer_counts_as_unchanged()
        {
            var remote = File("a", 10, new DateTimeOffset(2025, 3, 4, 10, 20, 0, TimeSpan.Zero), true);
            var action = Single(Plan(new[] { remote }, new[] { File("a", 10, T0) }, Download(), new FakeLookups()));
            Assert.Equal(SyncActionKind.Skip, action.Kind);
            Assert.Contains("approximate", action.Reason);
        }

        [Fact]
        public void A_date_only_listing_time_spans_the_day_in_any_time_zone()
        {
            var remote = File("a", 10, new DateTimeOffset(2021, 1, 2, 0, 0, 0, TimeSpan.Zero), true);
            Assert.Equal(SyncActionKind.Skip, Single(Plan(new[] { remote }, new[] { File("a", 10, new DateTimeOffset(2021, 1, 2, 23, 0, 0, TimeSpan.FromHours(5))) }, Download())).Kind);
            Assert.Equal(SyncActionKind.Download, Single(Plan(new[] { remote }, new[] { File("a", 10, new DateTimeOffset(2021, 1, 9, 0, 0, 0, TimeSpan.Zero)) }, Download())).Kind);
        }

        [Fact]
        public void Compare_Size_ignores_times_and_Compare_Time_ignores_sizes()
        {
            Assert.Equal(SyncActionKind.Skip, Single(Plan(new[] { File("a", 10, T0.AddDays(1)) }, new[] { File("a", 10, T0) }, Upload(o => o.Compare = FtpSyncCompare.Size))).Kind);
            Assert.Equal(SyncActionKind.Skip, Single(Plan(new[] { File("a", 11, T0) }, new[] { File("a", 10, T0) }, Upload(o => o.Compare = FtpSyncCompare.Time))).Kind);
            Assert.Equal(SyncActionKind.Upload, Single(Plan(new[] { File("a", 10, T0.AddDays(1)) }, new[] { File("a", 10, T0) }, Upload(o => o.Compare = FtpSyncCompare.Time))).Kind);
        }

        [Fact]
        public void A_missing_time_compares_by_size_alone()
        {
            Assert.Equal(SyncActionKind.Skip, Single(Plan(new[] { File("a", 10, null) }, new[] { File("a", 10, T0) }, Download())).Kind);
            Assert.Equal(SyncActionKind.Download, Single(Plan(new[] { File("a", 10, null) }, new[] { File("a", 10, T0) }, Download(o => o.Compare = FtpSyncCompare.Time))).Kind);
        }

        [Fact]
        public void Compare_Hash_decides_by_the_hashes_whatever_the_times()
        {
            var lookups = new FakeLookups { Hashes = { ["/r/same"] = ("AB", "ab"), ["/r/changed"] = ("AB", "CD") } };
            var plan = Plan(new[] { File("same", 10, T0.AddDays(1)), File("changed", 10, T0) }, new[] { File("same", 10, T0), File("changed", 10, T0) }, Download(o => o.Compare = FtpSyncCompare.Hash), lookups);
            Assert.Equal(new[] { "Skip same", "Download changed" }, Steps(plan));
            Assert.Contains("SHA256", plan.Actions[0].Reason);
            Assert.Empty(plan.Notes);
        }

        [Fact]
        public void Compare_Hash_without_server_hashes_falls_back_to_size_and_time_and_says_so_once()
        {
            var lookups = new FakeLookups { HashesUnavailable = "The server offers no hashes." };
            var plan = Plan(new[] { File("a", 10, T0), File("b", 10, T0.AddDays(1)) }, new[] { File("a", 10, T0), File("b", 10, T0) }, Upload(o => o.Compare = FtpSyncCompare.Hash), lookups);
            Assert.Equal(new[] { "Skip a", "Upload b" }, Steps(plan));
            var note = Assert.Single(plan.Notes);
            Assert.Contains("The server offers no hashes.", note);
            Assert.Contains("size and modification time", note);
            Assert.Equal(1, lookups.HashCalls);
        }

        [Fact]
        public void Compare_Hash_does_not_hash_files_of_different_sizes()
        {
            var lookups = new FakeLookups();
            Assert.Equal(SyncActionKind.Upload, Single(Plan(new[] { File("a", 11, T0) }, new[] { File("a", 10, T0) }, Upload(o => o.Compare = FtpSyncCompare.Hash), lookups)).Kind);
            Assert.Equal(0, lookups.HashCalls);
        }

        [Fact]
        public void Without_Delete_extras_stay_and_with_Delete_they_go_files_first_then_folders_deepest_first()
        {
            var source = new[] { File("keep", 1, T0) };
            var target = new[] { File("keep", 1, T0), Folder("old"), Folder("old/deeper"), File("old/deeper/x", 1, T0), File("extra", 1, T0), Folder("emptyExtra") };
            Assert.Equal(new[] { "Skip keep" }, Steps(Plan(source, target, Upload())));
            Assert.Equal(new[] { "Skip keep", "Delete old/deeper/x", "Delete extra", "Delete old/deeper", "Delete emptyExtra", "Delete old" }, Steps(Plan(source, target, Upload(o => o.Delete = true))));
        }

        [Fact]
        public void Delete_keeps_what_the_filters_leave_out_and_the_folders_that_hold_it()
        {
            var target = new[] { Folder("logs"), File("logs/a.log", 1, T0), File("b.log", 1, T0), File("c.txt", 1, T0), Folder("mixed"), File("mixed/d.txt", 1, T0), File("mixed/e.log", 1, T0) };
            var plan = Plan(Array.Empty<SyncEntry>(), target, Upload(o =>
            {
                o.Delete = true;
                o.Filter = new PathFilter(null, new[] { "*.log" });
            }));
            Assert.Equal(new[] { "Delete c.txt", "Delete mixed/d.txt" }, Steps(plan));
        }

        [Fact]
        public void With_Include_a_target_folder_without_included_files_is_out_of_scope()
        {
            var target = new[] { Folder("empty"), Folder("csv"), File("csv/a.csv", 1, T0), File("keep.txt", 1, T0) };
            var plan = Plan(Array.Empty<SyncEntry>(), target, Download(o =>
            {
                o.Delete = true;
                o.Filter = new PathFilter(new[] { "*.csv" }, null);
            }));
            Assert.Equal(new[] { "Delete csv/a.csv", "Delete csv" }, Steps(plan));
        }

        [Fact]
        public void Filters_keep_the_source_tree_structure()
        {
            var source = new[] { File("a.csv", 1, T0), File("a.tmp", 1, T0), Folder("x"), Folder("x/y"), File("x/y/b.csv", 1, T0), Folder("nocsv"), File("nocsv/c.txt", 1, T0) };
            var plan = Plan(source, Array.Empty<SyncEntry>(), Upload(o => o.Filter = new PathFilter(new[] { "*.csv" }, null)));
            Assert.Equal(new[] { "Upload a.csv", "CreateFolder x", "CreateFolder x/y", "Upload x/y/b.csv" }, Steps(plan));
        }

        [Fact]
        public void A_file_replaced_by_a_folder_needs_Delete()
        {
            var source = new[] { Folder("x"), File("x/inner", 1, T0) };
            var target = new[] { File("x", 5, T0) };
            var blocked = Plan(source, target, Upload());
            Assert.Equal(new[] { "CreateFolder x (blocked)" }, Steps(blocked));
            Assert.Contains("-Delete", blocked.Actions[0].Blocked);
            Assert.Equal(new[] { "Delete x", "CreateFolder x", "Upload x/inner" }, Steps(Plan(source, target, Upload(o => o.Delete = true))));
        }

        [Fact]
        public void A_folder_replaced_by_a_file_needs_Delete_and_goes_with_its_contents()
        {
            var source = new[] { File("x", 1, T0) };
            var target = new[] { Folder("x"), Folder("x/sub"), File("x/sub/f", 1, T0), File("x/g", 1, T0) };
            Assert.Equal(new[] { "Download x (blocked)" }, Steps(Plan(source, target, Download())));
            Assert.Equal(new[] { "Delete x/sub/f", "Delete x/g", "Delete x/sub", "Delete x", "Download x" }, Steps(Plan(source, target, Download(o => o.Delete = true))));
        }

        [Fact]
        public void A_folder_holding_excluded_items_is_not_replaced_by_a_file()
        {
            var target = new[] { Folder("x"), File("x/keep.log", 1, T0) };
            var plan = Plan(new[] { File("x", 1, T0) }, target, Download(o =>
            {
                o.Delete = true;
                o.Filter = new PathFilter(null, new[] { "*.log" });
            }));
            Assert.Equal(new[] { "Download x (blocked)" }, Steps(plan));
        }

        [Fact]
        public void Names_with_spaces_and_non_ASCII_letters_are_matched_exactly()
        {
            var source = new[] { Folder("Büro Ordner"), File("Büro Ordner/Grüße an alle.txt", 3, T0), File("日本語 ファイル", 4, T0) };
            var target = new[] { Folder("Büro Ordner"), File("Büro Ordner/Grüße an alle.txt", 3, T0), File("日本語 ファイル", 5, T0) };
            Assert.Equal(new[] { "Skip Büro Ordner/Grüße an alle.txt", "Download 日本語 ファイル" }, Steps(Plan(source, target, Download())));
        }

        [Fact]
        public void A_download_continues_its_partial_file_unless_the_remote_file_changed_after_it_was_written()
        {
            var remote = File("big", 100, T0);
            var partials = new Dictionary<string, SyncEntry> { ["big"] = File("big.ftptools-partial", 40, T0.AddMinutes(5)) };
            var resumed = Single(Plan(new[] { remote }, Array.Empty<SyncEntry>(), Download(), partials: partials));
            Assert.Equal(FtpIfExists.Resume, resumed.IfExists);
            Assert.False(resumed.DiscardPartial);
            Assert.Contains("byte 40 of 100", resumed.Reason);

            var stale = new Dictionary<string, SyncEntry> { ["big"] = File("big.ftptools-partial", 40, T0.AddMinutes(-5)) };
            var restarted = Single(Plan(new[] { remote }, Array.Empty<SyncEntry>(), Download(), partials: stale));
            Assert.True(restarted.DiscardPartial);
        }

        [Fact]
        public void A_changed_download_of_unchanged_size_replaces_the_file_whole()
        {
            var action = Single(Plan(new[] { File("a", 10, T0.AddHours(1)) }, new[] { File("a", 10, T0) }, Download()));
            Assert.Equal(FtpIfExists.Overwrite, action.IfExists);
            var grown = Single(Plan(new[] { File("a", 12, T0.AddHours(1)) }, new[] { File("a", 10, T0) }, Download()));
            Assert.Equal(FtpIfExists.Resume, grown.IfExists);
        }

        [Fact]
        public void An_upload_cut_off_after_the_local_file_last_changed_continues_from_the_remote_length()
        {
            var local = File("big", 100, T0);
            var interrupted = Single(Plan(new[] { local }, new[] { File("big", 40, T0.AddMinutes(10)) }, Upload()));
            Assert.Equal(SyncActionKind.Upload, interrupted.Kind);
            Assert.Equal(FtpIfExists.Resume, interrupted.IfExists);
            Assert.Contains("byte 40 of 100", interrupted.Reason);

            // An older, shorter version (written before the local change), or one written after this run began, is replaced whole.
            Assert.Equal(FtpIfExists.Overwrite, Single(Plan(new[] { local }, new[] { File("big", 40, T0.AddMinutes(-10)) }, Upload())).IfExists);
            Assert.Equal(FtpIfExists.Overwrite, Single(Plan(new[] { local }, new[] { File("big", 40, Started.AddMinutes(1)) }, Upload())).IfExists);
            Assert.Equal(FtpIfExists.Overwrite, Single(Plan(new[] { local }, new[] { File("big", 40, null) }, Upload())).IfExists);
        }

        [Fact]
        public void An_interrupted_upload_with_an_approximate_listing_time_is_resumed_only_after_an_exact_look()
        {
            var remote = File("big", 40, new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.Zero), true);
            var unknown = Single(Plan(new[] { File("big", 100, T0) }, new[] { remote }, Upload(o => o.TargetKeepsSourceTime = false)));
            Assert.Equal(FtpIfExists.Overwrite, unknown.IfExists);
            var lookups = new FakeLookups { ExactTimes = { ["/r/big"] = T0.AddMinutes(10).AddSeconds(5) } };
            Assert.Equal(FtpIfExists.Resume, Single(Plan(new[] { File("big", 100, T0) }, new[] { remote }, Upload(o => o.TargetKeepsSourceTime = false), lookups)).IfExists);
        }

        private sealed class FakeLookups : ISyncLookups
        {
            public Dictionary<string, DateTimeOffset> ExactTimes { get; } = new Dictionary<string, DateTimeOffset>();

            public Dictionary<string, (string Local, string Remote)> Hashes { get; } = new Dictionary<string, (string Local, string Remote)>();

            public string? HashesUnavailable { get; set; }

            public List<string> TimesAsked { get; } = new List<string>();

            public int HashCalls { get; private set; }

            public DateTimeOffset? ExactRemoteTime(SyncEntry remote)
            {
                TimesAsked.Add(remote.FullPath);
                return ExactTimes.TryGetValue(remote.FullPath, out var time) ? time : (DateTimeOffset?)null;
            }

            SyncHashes? ISyncLookups.Hashes(SyncEntry local, SyncEntry remote, out string? unavailableReason)
            {
                HashCalls++;
                unavailableReason = HashesUnavailable;
                if (HashesUnavailable != null) return null;
                var pair = Hashes[remote.FullPath];
                return new SyncHashes(FtpHashAlgorithm.SHA256, pair.Local, pair.Remote);
            }
        }
    }
}

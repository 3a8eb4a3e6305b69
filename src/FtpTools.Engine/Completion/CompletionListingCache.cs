using System;
using System.Collections.Generic;

namespace FtpTools.Engine.Completion
{
    /// <summary>
    /// Folder listings kept for a few seconds, so pressing Tab again (or cycling through matches) does not list the folder
    /// again. One per session; bounded in the number of folders it keeps. Safe to use from several threads.
    /// </summary>
    public sealed class CompletionListingCache
    {
        public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(5);
        private const int MaximumFolders = 32;

        private readonly object gate = new object();
        private readonly Dictionary<string, Entry> entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly IFtpClock clock;

        public CompletionListingCache(IFtpClock clock, TimeSpan lifetime)
        {
            this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Lifetime = lifetime;
        }

        public TimeSpan Lifetime { get; }

        /// <summary>The items of directory listed less than Lifetime ago, or null.</summary>
        public IReadOnlyList<FtpListItem>? Find(string directory)
        {
            lock (gate)
            {
                if (!entries.TryGetValue(directory, out var entry)) return null;
                if (clock.UtcNow - entry.ListedAt < Lifetime) return entry.Items;
                entries.Remove(directory);
                return null;
            }
        }

        public void Store(string directory, IReadOnlyList<FtpListItem> items)
        {
            lock (gate)
            {
                var now = clock.UtcNow;
                if (entries.Count >= MaximumFolders) RemoveOldest(now);
                entries[directory] = new Entry(now, items);
            }
        }

        /// <summary>Drops what has expired, or, when nothing has, the folder listed longest ago.</summary>
        private void RemoveOldest(DateTimeOffset now)
        {
            var expired = new List<string>();
            string? oldest = null;
            var oldestTime = DateTimeOffset.MaxValue;
            foreach (var pair in entries)
            {
                if (now - pair.Value.ListedAt >= Lifetime) expired.Add(pair.Key);
                if (pair.Value.ListedAt < oldestTime)
                {
                    oldestTime = pair.Value.ListedAt;
                    oldest = pair.Key;
                }
            }

            if (expired.Count == 0 && oldest != null) expired.Add(oldest);
            foreach (var key in expired) entries.Remove(key);
        }

        private sealed class Entry
        {
            public Entry(DateTimeOffset listedAt, IReadOnlyList<FtpListItem> items)
            {
                ListedAt = listedAt;
                Items = items;
            }

            public DateTimeOffset ListedAt { get; }

            public IReadOnlyList<FtpListItem> Items { get; }
        }
    }
}

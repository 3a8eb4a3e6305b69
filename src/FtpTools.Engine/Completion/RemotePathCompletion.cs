using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace FtpTools.Engine.Completion
{
    /// <summary>
    /// Tab completion of remote paths: lists the folder of the word typed (from the cache when listed a moment ago), and
    /// offers the matching entries, folders with a trailing '/', escaped and quoted for the parameter. Bounded: a listing
    /// that takes longer than ListingTimeout is cancelled and offers nothing, and at most MaximumResults entries are offered.
    /// It never throws for what the server or the word typed does: a completion that cannot be answered offers nothing.
    /// </summary>
    public sealed class RemotePathCompletion
    {
        public static readonly TimeSpan DefaultListingTimeout = TimeSpan.FromSeconds(2.5);
        public const int DefaultMaximumResults = 500;

        private readonly Func<string, CancellationToken, FtpListing> list;
        private readonly CompletionListingCache cache;

        /// <param name="list">Lists one absolute folder (IRemoteFileSystem.ListDirectory).</param>
        public RemotePathCompletion(Func<string, CancellationToken, FtpListing> list, CompletionListingCache cache)
        {
            this.list = list ?? throw new ArgumentNullException(nameof(list));
            this.cache = cache ?? throw new ArgumentNullException(nameof(cache));
        }

        public TimeSpan ListingTimeout { get; set; } = DefaultListingTimeout;

        public int MaximumResults { get; set; } = DefaultMaximumResults;

        /// <param name="wildcard">True for a parameter that takes wildcards (-Path): wildcard characters in names are escaped with a backtick.</param>
        public IReadOnlyList<RemotePathCompletionItem> Complete(string wordToComplete, string currentDirectory, bool wildcard)
        {
            var word = RemotePathWord.Parse(wordToComplete, currentDirectory, wildcard);
            var items = ListOrNull(word.Directory);
            if (items is null) return Array.Empty<RemotePathCompletionItem>();
            return items
                .Where(item => (word.OffersHidden || !item.Name.StartsWith(".", StringComparison.Ordinal)) && word.Matches(item.Name))
                .OrderBy(item => item.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(item => item.Name, StringComparer.Ordinal)
                .Take(MaximumResults)
                .Select(item =>
                {
                    var isFolder = item.Type == FtpItemType.Directory;
                    return new RemotePathCompletionItem(word.CompletionTextFor(item.Name, isFolder), item.Name + (isFolder ? "/" : string.Empty), item.FullName, isFolder);
                })
                .ToList();
        }

        private IReadOnlyList<FtpListItem>? ListOrNull(string directory)
        {
            var cached = cache.Find(directory);
            if (cached != null) return cached;
            try
            {
                using (var deadline = new CancellationTokenSource(ListingTimeout))
                {
                    var items = list(directory, deadline.Token).Items;
                    cache.Store(directory, items);
                    return items;
                }
            }
            catch (Exception exception) when (exception is FtpException || exception is OperationCanceledException || exception is IOException
                || exception is ObjectDisposedException || exception is InvalidOperationException || exception is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}

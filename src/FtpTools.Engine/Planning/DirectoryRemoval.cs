using System;
using System.Linq;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// What removing a directory means, told from its listing, so that -WhatIf and -Confirm say what would really happen and a
    /// non-empty directory without -Recurse gets an error that says so (and names -Recurse) instead of a server's bare 550.
    /// </summary>
    public static class DirectoryRemoval
    {
        /// <summary>Every entry the listing shows: items, refused names and lines no parser understood.</summary>
        public static int CountEntries(FtpListing listing)
        {
            if (listing is null) throw new ArgumentNullException(nameof(listing));
            return listing.Items.Count + listing.RefusedEntries.Count + listing.UnparsedLines.Count;
        }

        /// <summary>"3 entries: .env, a.txt, sub" (at most five names); qualifier goes after the count ("3 entries at its top level: ...").</summary>
        public static string DescribeEntries(FtpListing listing, string qualifier = "")
        {
            var count = CountEntries(listing);
            var names = listing.Items.Select(i => i.Name).Concat(listing.RefusedEntries.Select(e => RemoteNameGuard.Printable(e.Name))).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var text = count + (count == 1 ? " entry" : " entries") + qualifier;
            if (names.Count == 0) return text;
            return text + ": " + string.Join(", ", names.Take(5)) + (count > 5 ? ", ..." : string.Empty);
        }

        /// <summary>The ShouldProcess action for a directory with this listing; null when it cannot be removed as asked (not empty, no -Recurse).</summary>
        public static string? ActionFor(FtpListing listing, bool recurse)
        {
            var count = CountEntries(listing);
            if (count == 0) return "Remove empty directory";
            if (!recurse) return null;
            return "Remove directory and everything in it (" + DescribeEntries(listing, " at its top level") + ")";
        }

        /// <summary>The error for a non-empty directory that was to be removed without -Recurse.</summary>
        public static FtpException NotEmpty(string path, FtpListing listing) =>
            new FtpException("The remote directory " + path + " is not empty (" + DescribeEntries(listing) + "). Use -Recurse to remove it with everything in it.", FtpPhase.Command)
            {
                Cause = FtpFailureCause.DirectoryNotEmpty,
                RemotePath = path,
            };
    }
}

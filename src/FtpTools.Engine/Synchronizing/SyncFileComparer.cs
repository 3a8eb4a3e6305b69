using System;
using System.Collections.Generic;
using System.IO;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>
    /// Decides whether a file on the target is already a copy of the source file, and whether an unfinished copy can be continued.
    /// <list type="bullet">
    /// <item>Different sizes: a change (except with -Compare Time).</item>
    /// <item>-Compare Hash: the server's hash against the local file's; without server hashes, the size-and-time rule (said once).</item>
    /// <item>Times, where the target keeps the source's time (downloads; uploads to servers with MFMT or SFTP): a change when they
    /// differ by more than the tolerance. Where it cannot (uploads without MFMT: the server shows the upload time), a change only
    /// when the source is newer than the target by more than the tolerance.</item>
    /// <item>An approximate listed time (a LIST line without seconds) that leaves the answer open is asked for exactly (MDTM);
    /// when the server cannot say, the file counts as unchanged.</item>
    /// </list>
    /// </summary>
    internal sealed class SyncFileComparer
    {
        private readonly SyncOptions options;
        private readonly ISyncLookups? lookups;
        private bool hashesUnavailable;

        public SyncFileComparer(SyncOptions options, ISyncLookups? lookups)
        {
            this.options = options;
            this.lookups = lookups;
        }

        public List<string> Notes { get; } = new List<string>();

        /// <summary>Null when the target is the same as the source; otherwise why it is not.</summary>
        public string? WhyDifferent(SyncEntry source, SyncEntry target, out string sameReason)
        {
            sameReason = string.Empty;
            var compare = options.Compare == FtpSyncCompare.Hash && hashesUnavailable ? FtpSyncCompare.SizeAndTime : options.Compare;
            var sizesKnown = source.Length.HasValue && target.Length.HasValue;
            if (compare != FtpSyncCompare.Time && sizesKnown && source.Length != target.Length)
                return "sizes differ: source " + source.Length + " bytes, target " + target.Length + " bytes";
            if (compare == FtpSyncCompare.Size)
            {
                sameReason = "same size";
                return sizesKnown ? null : "the size of the " + (source.Length.HasValue ? "target" : "source") + " is unknown";
            }

            if (compare == FtpSyncCompare.Hash)
            {
                var byHash = CompareHashes(source, target, out sameReason);
                if (!hashesUnavailable) return byHash;
                compare = FtpSyncCompare.SizeAndTime;
            }

            return CompareTimes(source, target, compare, sizesKnown, out sameReason);
        }

        /// <summary>The remote file's time, asked for exactly when the listing's is approximate and the caller needs to know.</summary>
        public SyncTime? RemoteTime(SyncEntry remote, bool exactNeeded)
        {
            if (!(remote.LastWriteTime is DateTimeOffset listed)) return null;
            var time = SyncTime.Of(listed, remote.TimeIsApproximate);
            if (time.IsExact || !exactNeeded || lookups is null) return time;
            var exact = lookups.ExactRemoteTime(remote);
            return exact is DateTimeOffset found ? SyncTime.Exact(found) : time;
        }

        private string? CompareHashes(SyncEntry source, SyncEntry target, out string sameReason)
        {
            sameReason = string.Empty;
            var local = options.SourceIsRemote ? target : source;
            var remote = options.SourceIsRemote ? source : target;
            SyncHashes? hashes;
            string? unavailable = "no server hashes are available.";
            try
            {
                hashes = lookups?.Hashes(local, remote, out unavailable);
            }
            catch (Exception exception) when (exception is FtpException || exception is IOException || exception is UnauthorizedAccessException)
            {
                return "the hashes could not be compared (" + exception.Message + "), so the file is copied to be sure";
            }

            if (hashes is null)
            {
                hashesUnavailable = true;
                Notes.Add("-Compare Hash: " + unavailable + " Files are compared by size and modification time instead.");
                return null;
            }

            sameReason = "same " + hashes.Algorithm + " hash";
            return hashes.AreEqual ? null : hashes.Algorithm + " hashes differ";
        }

        private string? CompareTimes(SyncEntry source, SyncEntry target, FtpSyncCompare compare, bool sizesKnown, out string sameReason)
        {
            var prefix = compare == FtpSyncCompare.Time || !sizesKnown ? string.Empty : "same size, ";
            if (source.LastWriteTime is null || target.LastWriteTime is null)
            {
                var side = source.LastWriteTime is null ? "source" : "target";
                sameReason = "same size; the " + side + " has no modification time to compare";
                if (compare == FtpSyncCompare.Time || !sizesKnown) return "the " + side + " has no modification time to compare";
                return null;
            }

            var verdict = Judge(source, target, false, out var reason);
            if (verdict == Verdict.Unsure) verdict = Judge(source, target, true, out reason);
            sameReason = prefix + reason;
            return verdict == Verdict.Different ? reason : null;
        }

        private Verdict Judge(SyncEntry source, SyncEntry target, bool exact, out string reason)
        {
            var sourceTime = TimeOf(source, options.SourceIsRemote, exact);
            var targetTime = TimeOf(target, !options.SourceIsRemote, exact);
            var tolerance = options.Tolerance;
            var both = "source " + sourceTime + ", target " + targetTime;
            if (options.TargetKeepsSourceTime)
            {
                if (!sourceTime.MayEqual(targetTime, tolerance))
                {
                    reason = "modification times differ: " + both;
                    return Verdict.Different;
                }

                reason = sourceTime.IsExact && targetTime.IsExact ? "same modification time" : "same modification time as far as the listing's approximate time shows (" + both + ")";
                return sourceTime.IsExact && targetTime.IsExact ? Verdict.Same : exact ? Verdict.Same : Verdict.Unsure;
            }

            if (sourceTime.IsSurelyLaterThan(targetTime, tolerance))
            {
                reason = "the source is newer: " + both;
                return Verdict.Different;
            }

            var mayBeLater = sourceTime.Latest > targetTime.Earliest + tolerance;
            reason = "the target is not older than the source (the server shows upload times): " + both;
            return mayBeLater && !exact ? Verdict.Unsure : Verdict.Same;
        }

        private SyncTime TimeOf(SyncEntry entry, bool isRemote, bool exact) =>
            isRemote ? RemoteTime(entry, exact)!.Value : SyncTime.Of(entry.LastWriteTime!.Value, entry.TimeIsApproximate);

        private enum Verdict
        {
            Same,
            Different,
            Unsure,
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Plans Receive-FtpItem's downloads into one local destination: where each remote file lands (TransferTargets), and for a
    /// folder every file and folder below it that the filter keeps, parents before children, each under a local name checked
    /// so it cannot leave its folder (LocalNameGuard).
    /// </summary>
    public sealed class DownloadPlanner
    {
        private readonly PathFilter filter;
        private readonly string destinationRoot;
        private readonly bool destinationIsFolder;

        /// <param name="destinationRoot">-Destination as a full local path.</param>
        /// <param name="destinationIsFolder">TransferTargets.DestinationIsFolder over all the command's sources.</param>
        public DownloadPlanner(PathFilter filter, string destinationRoot, bool destinationIsFolder)
        {
            this.filter = filter ?? throw new ArgumentNullException(nameof(filter));
            this.destinationRoot = destinationRoot ?? throw new ArgumentNullException(nameof(destinationRoot));
            this.destinationIsFolder = destinationIsFolder;
        }

        /// <summary>The planner for a command's sources: into -Destination as a folder, or as one file's new name (TransferTargets.DestinationIsFolder).</summary>
        /// <param name="destinationRoot">-Destination as a full local path (the current folder when not given).</param>
        /// <param name="destination">-Destination as given, or null.</param>
        /// <param name="sourcesMayVary">The sources came from a wildcard or the pipeline.</param>
        public static DownloadPlanner Into(string destinationRoot, string? destination, PathFilter filter, IReadOnlyCollection<FtpListItem> sources, bool sourcesMayVary)
        {
            var destinationIsFolder = TransferTargets.DestinationIsFolder(
                Directory.Exists(destinationRoot), destination != null && TransferTargets.EndsWithLocalSeparator(destination), sources.Count,
                sourcesMayVary, sources.Any(s => s.Type == FtpItemType.Directory));
            return new DownloadPlanner(filter, destinationRoot, destinationIsFolder);
        }

        /// <summary>Called for an entry below a folder whose name cannot be a local name; the plan goes on without it.</summary>
        public Action<FtpListItem, UnsafeRemoteNameException>? EntryRefused { get; set; }

        /// <summary>The steps for one remote file, or one remote folder walked with walker (its ShouldDescend is set to the filter's).</summary>
        /// <exception cref="UnsafeRemoteNameException">The source's own name cannot be a local name.</exception>
        public IReadOnlyList<PlannedDownload> Plan(FtpListItem source, RemoteTreeWalker walker)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (walker is null) throw new ArgumentNullException(nameof(walker));
            if (source.Type != FtpItemType.Directory)
                return new[] { new PlannedDownload(source, TransferTargets.ForDownload(destinationRoot, destinationIsFolder, source.Name)) };

            // A folder always arrives as a folder of its own name inside -Destination ("/" has no name: its contents go into -Destination).
            var localFolder = TransferTargets.LocalFolderFor(destinationRoot, source.FullName);
            var plan = new List<PlannedDownload> { new PlannedDownload(null, localFolder) };
            walker.ShouldDescend = folder => filter.IsInScope(folder.RelativePath, true);
            var walked = filter.Apply(walker.Walk(source.FullName, int.MaxValue), e => e.RelativePath, e => e.Item.Type == FtpItemType.Directory);
            foreach (var entry in walked)
            {
                var local = LocalPathBelow(localFolder, entry);
                if (local != null) plan.Add(new PlannedDownload(entry.Item.Type == FtpItemType.Directory ? null : entry.Item, local));
            }

            return plan;
        }

        /// <summary>The bytes the files of a plan hold, for the progress bar; null when a file's size is not known.</summary>
        public static long? TotalBytes(IReadOnlyList<PlannedDownload> files) =>
            files.All(p => p.Remote!.Length.HasValue) ? files.Sum(p => p.Remote!.Length!.Value) : (long?)null;

        private string? LocalPathBelow(string localFolder, RemoteWalkEntry entry)
        {
            try
            {
                return LocalNameGuard.CombineUnder(localFolder, entry.RelativePath.Split('/'));
            }
            catch (UnsafeRemoteNameException exception) when (EntryRefused != null)
            {
                EntryRefused(entry.Item, exception);
                return null;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Plans Send-FtpItem's uploads to one server: where each source lands (TransferTargets), and for a folder every file and
    /// folder below it that the filter keeps, parents before children. Folders come as steps of their own, so empty ones are
    /// created too. Links to local folders are not followed.
    /// </summary>
    public sealed class UploadPlanner
    {
        private readonly IRemoteFileSystem fileSystem;
        private readonly PathFilter filter;

        public UploadPlanner(IRemoteFileSystem fileSystem, PathFilter filter)
        {
            this.fileSystem = fileSystem ?? throw new ArgumentNullException(nameof(fileSystem));
            this.filter = filter ?? throw new ArgumentNullException(nameof(filter));
        }

        /// <summary>Called with a link to a folder that is not followed.</summary>
        public Action<string>? LinkSkipped { get; set; }

        /// <summary>Called for a folder that could not be read (a source folder, or one below it); the plan goes on without it.</summary>
        public Action<string, Exception>? FolderFailed { get; set; }

        /// <summary>-Destination as an absolute remote path ("." when not given).</summary>
        public string RemoteDestinationFor(string? destination) => FtpPath.Normalize(destination ?? ".", fileSystem.CurrentDirectory);

        /// <param name="sources">The local items the command names at its top level.</param>
        /// <param name="destination">-Destination as given, or null.</param>
        /// <param name="sourcesMayVary">The sources came from a wildcard or the pipeline (see TransferTargets).</param>
        /// <exception cref="FtpException">-Destination could not be looked up.</exception>
        public IReadOnlyList<PlannedUpload> Plan(IReadOnlyList<UploadSource> sources, string? destination, bool sourcesMayVary, CancellationToken cancellationToken)
        {
            var remoteDestination = RemoteDestinationFor(destination);
            var existing = fileSystem.GetItem(remoteDestination, cancellationToken);
            var destinationIsFolder = TransferTargets.DestinationIsFolder(
                existing?.Type == FtpItemType.Directory, destination != null && destination.EndsWith("/", StringComparison.Ordinal), sources.Count,
                sourcesMayVary, sources.Any(s => s.IsFolder));

            var plan = new List<PlannedUpload>();
            if (destinationIsFolder && remoteDestination != "/") plan.Add(PlannedUpload.Folder(remoteDestination));
            foreach (var source in sources)
            {
                var name = LocalName(source.FullPath);
                if (!source.IsFolder)
                {
                    plan.Add(PlannedUpload.File(source.FullPath, TransferTargets.ForUpload(remoteDestination, destinationIsFolder, name)));
                    continue;
                }

                // A folder always arrives as a folder of its own name inside -Destination (a root has no name: its contents go into -Destination).
                var remoteFolder = TransferTargets.RemoteFolderFor(remoteDestination, name);
                plan.Add(PlannedUpload.Folder(remoteFolder));
                plan.AddRange(FolderContents(source.FullPath, remoteFolder));
            }

            return plan;
        }

        /// <summary>The bytes the files of a plan hold now (a file that cannot be read counts 0), for the progress bar.</summary>
        public static long TotalBytes(IEnumerable<PlannedUpload> plan) => plan.Where(p => !p.IsFolder).Sum(p => LengthOrZero(p.LocalPath!));

        /// <summary>The last segment of a local path; empty for a root ("/", "C:\").</summary>
        public static string LocalName(string fullPath)
        {
            var separators = new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
            var trimmed = fullPath.TrimEnd(separators);
            var root = Path.GetPathRoot(fullPath) ?? string.Empty;
            return trimmed.Length == 0 || string.Equals(trimmed, root.TrimEnd(separators), StringComparison.OrdinalIgnoreCase) ? string.Empty : Path.GetFileName(trimmed);
        }

        private IEnumerable<PlannedUpload> FolderContents(string root, string remoteRoot)
        {
            var walker = new LocalTreeWalker
            {
                ShouldDescend = relative => filter.IsInScope(relative, true),
                LinkSkipped = LinkSkipped,
                FolderFailed = FolderFailed,
            };
            IReadOnlyList<LocalWalkEntry> entries;
            try
            {
                entries = filter.Apply(walker.Walk(root), e => e.RelativePath, e => e.IsFolder);
            }
            catch (Exception exception) when (FolderFailed != null)
            {
                FolderFailed(root, exception);
                return Array.Empty<PlannedUpload>();
            }

            return entries.Select(entry =>
            {
                var remotePath = TransferTargets.ForUploadBelow(remoteRoot, entry.RelativePath);
                return entry.IsFolder ? PlannedUpload.Folder(remotePath) : PlannedUpload.File(entry.FullPath, remotePath);
            }).ToList();
        }

        private static long LengthOrZero(string path)
        {
            try
            {
                return new FileInfo(path).Length;
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}

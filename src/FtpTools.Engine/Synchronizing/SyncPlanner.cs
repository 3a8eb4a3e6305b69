using System;
using System.Collections.Generic;
using System.Linq;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>
    /// Turns the source tree and the target tree into the steps that make the target a copy of the source: folders and
    /// transfers in the source's order (parents first), then, with -Delete, what the target has and the source lacks (files,
    /// then folders, deepest first). Items the filter leaves out are neither copied nor deleted. Only the lookups touch anything.
    /// </summary>
    public static class SyncPlanner
    {
        /// <param name="partials">Download only: the local ".ftptools-partial" files, by the relative path of the file they belong to.</param>
        public static SyncPlan Plan(IReadOnlyList<SyncEntry> source, IReadOnlyList<SyncEntry> target, IReadOnlyDictionary<string, SyncEntry>? partials, SyncOptions options, ISyncLookups? lookups)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (target is null) throw new ArgumentNullException(nameof(target));
            if (options is null) throw new ArgumentNullException(nameof(options));
            var comparer = new SyncFileComparer(options, lookups);
            var planner = new Planning(options, comparer, target, partials ?? new Dictionary<string, SyncEntry>());
            var sourceKept = options.Filter.Apply(source, e => e.RelativePath, e => e.IsFolder);
            if (!options.TargetRootExists) planner.Add(new SyncAction(SyncActionKind.CreateFolder, SyncAction.RootPath, "the target folder does not exist", null, null));
            foreach (var entry in sourceKept) planner.PlanSource(entry);
            if (options.Delete) planner.PlanExtras(new HashSet<string>(sourceKept.Select(e => e.RelativePath), StringComparer.Ordinal));
            return new SyncPlan(planner.Actions, comparer.Notes);
        }

        private sealed class Planning
        {
            private readonly SyncOptions options;
            private readonly SyncFileComparer comparer;
            private readonly IReadOnlyList<SyncEntry> target;
            private readonly Dictionary<string, SyncEntry> targetByPath;
            private readonly IReadOnlyDictionary<string, SyncEntry> partials;
            private readonly HashSet<string> deleted = new HashSet<string>(StringComparer.Ordinal);
            private readonly List<string> blockedFolders = new List<string>();

            public Planning(SyncOptions options, SyncFileComparer comparer, IReadOnlyList<SyncEntry> target, IReadOnlyDictionary<string, SyncEntry> partials)
            {
                this.options = options;
                this.comparer = comparer;
                this.target = target;
                this.partials = partials;
                targetByPath = new Dictionary<string, SyncEntry>(StringComparer.Ordinal);
                foreach (var entry in target) targetByPath[entry.RelativePath] = entry;
            }

            public List<SyncAction> Actions { get; } = new List<SyncAction>();

            public void Add(SyncAction action) => Actions.Add(action);

            public void PlanSource(SyncEntry entry)
            {
                if (blockedFolders.Any(folder => IsBelow(entry.RelativePath, folder))) return;
                targetByPath.TryGetValue(entry.RelativePath, out var existing);
                if (entry.IsFolder)
                    PlanFolder(entry, existing);
                else
                    PlanFile(entry, existing);
            }

            private void PlanFolder(SyncEntry folder, SyncEntry? existing)
            {
                if (existing?.IsFolder == true) return;
                if (existing is null)
                {
                    Add(new SyncAction(SyncActionKind.CreateFolder, folder.RelativePath, "new folder", folder, null));
                    return;
                }

                if (options.Delete)
                {
                    Delete(existing, "a file on the target has the name of a folder of the source");
                    Add(new SyncAction(SyncActionKind.CreateFolder, folder.RelativePath, "replaces a file of the same name", folder, null));
                    return;
                }

                blockedFolders.Add(folder.RelativePath);
                Add(new SyncAction(SyncActionKind.CreateFolder, folder.RelativePath, "a file on the target has this folder's name: nothing below it is synchronized", folder, existing)
                {
                    Blocked = "The target has a file where the source has a folder; -Delete replaces it.",
                });
            }

            private void PlanFile(SyncEntry file, SyncEntry? existing)
            {
                if (existing is null)
                {
                    AddTransfer(file, null, "new file");
                    return;
                }

                if (existing.IsFolder)
                {
                    var subtree = target.Where(e => IsBelow(e.RelativePath, existing.RelativePath)).ToList();
                    if (options.Delete && subtree.All(e => options.Filter.IsInScope(e.RelativePath, e.IsFolder)))
                    {
                        foreach (var entry in DeletionOrder(subtree)) Delete(entry, "inside a folder that a file of the source replaces");
                        Delete(existing, "a folder on the target has the name of a file of the source");
                        AddTransfer(file, null, "replaces a folder of the same name");
                        return;
                    }

                    var action = AddTransfer(file, null, "a folder on the target has this file's name");
                    action.Blocked = options.Delete
                        ? "The target has a folder where the source has a file, and it holds items -Include or -Exclude leave out, so it is not replaced."
                        : "The target has a folder where the source has a file; -Delete replaces it.";
                    return;
                }

                var why = comparer.WhyDifferent(file, existing, out var same);
                if (why is null)
                    Add(new SyncAction(SyncActionKind.Skip, file.RelativePath, same, file, existing));
                else
                    AddTransfer(file, existing, why);
            }

            private SyncAction AddTransfer(SyncEntry source, SyncEntry? existing, string reason)
            {
                var kind = options.Direction == FtpSyncDirection.Upload ? SyncActionKind.Upload : SyncActionKind.Download;
                var action = options.Direction == FtpSyncDirection.Upload ? UploadStep(source, existing, reason) : DownloadStep(source, existing, reason);
                Add(action);
                return action;

                SyncAction UploadStep(SyncEntry local, SyncEntry? remote, string why)
                {
                    if (IsInterruptedUpload(local, remote, out var resumeReason))
                        return new SyncAction(kind, local.RelativePath, why + "; " + resumeReason, local, remote) { IfExists = FtpIfExists.Resume };
                    return new SyncAction(kind, local.RelativePath, why, local, remote);
                }

                SyncAction DownloadStep(SyncEntry remote, SyncEntry? local, string why)
                {
                    // -IfExists Resume skips a local file of the remote length, so a changed file of unchanged size is downloaded whole.
                    var sameLength = local?.Length != null && local.Length == remote.Length;
                    var action = new SyncAction(kind, remote.RelativePath, why, remote, local) { IfExists = sameLength ? FtpIfExists.Overwrite : FtpIfExists.Resume };
                    if (sameLength || !partials.TryGetValue(remote.RelativePath, out var partial) || partial.Length is null || partial.Length == 0) return action;
                    var remoteTime = comparer.RemoteTime(remote, false);
                    if (remoteTime is SyncTime time && partial.LastWriteTime is DateTimeOffset written && time.Earliest > written + options.Tolerance)
                    {
                        return new SyncAction(kind, remote.RelativePath, why + "; the partial file of an earlier run is older than the remote file's last change, so it is not continued", remote, local)
                        {
                            IfExists = FtpIfExists.Resume,
                            DiscardPartial = true,
                        };
                    }

                    var of = remote.Length is long total ? " of " + total : string.Empty;
                    return new SyncAction(kind, remote.RelativePath, why + "; continuing the partial file of an earlier run at byte " + partial.Length + of, remote, local) { IfExists = FtpIfExists.Resume };
                }
            }

            /// <summary>
            /// A remote file shorter than the local one that was written after the local file last changed, and not after this run
            /// began, is the start of an upload of this very file that was cut off: it is continued from its length. A shorter
            /// remote file written before the local change is an older version, and is replaced.
            /// </summary>
            private bool IsInterruptedUpload(SyncEntry local, SyncEntry? remote, out string reason)
            {
                reason = string.Empty;
                if (remote?.Length is null || local.Length is null || remote.Length <= 0 || remote.Length >= local.Length || local.LastWriteTime is null) return false;
                if (!(comparer.RemoteTime(remote, true) is SyncTime written)) return false;
                var tolerance = options.Tolerance;
                if (!written.IsExact || written.Earliest <= local.LastWriteTime.Value + tolerance || written.Latest > options.Started + tolerance) return false;
                reason = "continuing an interrupted upload at byte " + remote.Length + " of " + local.Length + " (the remote file is shorter and was written after the local file last changed)";
                return true;
            }

            public void PlanExtras(HashSet<string> sourcePaths)
            {
                var filter = options.Filter;
                var extras = target.Where(e => !sourcePaths.Contains(e.RelativePath) && !deleted.Contains(e.RelativePath) && !blockedFolders.Any(f => IsBelow(e.RelativePath, f))).ToList();
                var deletedFilesBelow = new HashSet<string>(StringComparer.Ordinal);
                foreach (var file in extras.Where(e => !e.IsFolder && filter.IsInScope(e.RelativePath, false)))
                {
                    Delete(file, "not in the source");
                    for (var parent = PathFilter.ParentOf(file.RelativePath); parent.Length > 0; parent = PathFilter.ParentOf(parent)) deletedFilesBelow.Add(parent);
                }

                var childrenOf = target.GroupBy(e => PathFilter.ParentOf(e.RelativePath), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                foreach (var folder in DeletionOrder(extras.Where(e => e.IsFolder && filter.IsInScope(e.RelativePath, true))))
                {
                    var children = childrenOf.TryGetValue(folder.RelativePath, out var list) ? list : new List<SyncEntry>();
                    if (!children.All(child => deleted.Contains(child.RelativePath))) continue;
                    if (filter.HasInclude && !deletedFilesBelow.Contains(folder.RelativePath)) continue;
                    Delete(folder, "not in the source");
                }
            }

            private void Delete(SyncEntry entry, string reason)
            {
                deleted.Add(entry.RelativePath);
                Add(new SyncAction(SyncActionKind.Delete, entry.RelativePath, reason, null, entry));
            }

            /// <summary>Files first, then folders deepest first, so every folder is empty when its turn comes.</summary>
            private static IEnumerable<SyncEntry> DeletionOrder(IEnumerable<SyncEntry> entries)
            {
                var list = entries.ToList();
                return list.Where(e => !e.IsFolder)
                    .Concat(list.Where(e => e.IsFolder).OrderByDescending(e => e.RelativePath.Count(c => c == '/')).ThenBy(e => e.RelativePath, StringComparer.Ordinal));
            }

            private static bool IsBelow(string path, string folder) => path.Length > folder.Length + 1 && path[folder.Length] == '/' && path.StartsWith(folder, StringComparison.Ordinal);
        }
    }
}

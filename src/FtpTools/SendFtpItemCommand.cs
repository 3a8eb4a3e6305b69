using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Parallel;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Uploads. Local items are resolved while the pipeline runs and sent at its end, so the destination rule (folder or file name)
    /// and the batch progress bar see every item, whether they came from -Path or from piped Get-ChildItem output.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "FtpItem", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpItem))]
    public sealed class SendFtpItemCommand : FtpPathSetsCmdlet
    {
        private readonly List<LocalSource> sources = new List<LocalSource>();
        private bool sourcesMayVary;
        private bool timeWarningWritten;
        private PathFilter filter = PathFilter.None;
        private readonly VerboseOnce sizeOnlyNotice = new VerboseOnce("-Verify compares sizes only: ");

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string? Destination { get; set; }

        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>With -Recurse: only files these wildcards name (the name, or with a '/' the path below the folder) are uploaded.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        /// <summary>With -Recurse: files and folders these wildcards name are left out, a folder with everything below it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Exclude { get; set; }

        [Parameter]
        public FtpIfExists IfExists { get; set; } = FtpIfExists.Overwrite;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Retries of a file after a transient failure; the session's -RetryCount unless given.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int RetryCount { get; set; }

        /// <summary>Seconds before the first retry, doubled before each next one up to a minute; the session's -RetryDelay unless given.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int RetryDelay { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = ParallelTransferScheduler.DefaultThrottleLimit;

        [Parameter]
        public SwitchParameter Atomic { get; set; }

        [Parameter]
        public SwitchParameter Verify { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            sourcesMayVary |= PathsFromPipeline;
            if (IsLiteralPath)
            {
                foreach (var path in LiteralPath!) AddLiteral(session, path);
                return;
            }

            var paths = UnlessPipedSession(Path);
            if (paths is null)
            {
                WriteItemError(session, new ArgumentException("No -Path was given: a piped session names no local path."), null);
                return;
            }

            foreach (var path in paths)
            {
                sourcesMayVary |= WildcardPattern.ContainsWildcardCharacters(path);
                try
                {
                    foreach (var resolved in GetResolvedProviderPathFromPSPath(path, out var provider))
                    {
                        if (provider.Name != "FileSystem")
                            throw new ArgumentException("'" + path + "' is not a file system path; Send-FtpItem uploads files.");
                        AddResolved(session, resolved);
                    }
                }
                catch (ItemNotFoundException exception)
                {
                    WriteItemError(session, new FileNotFoundException(exception.Message), path);
                }
                catch (Exception exception) when (IsItemFailure(exception))
                {
                    WriteItemError(session, exception, path);
                }
            }
        }

        protected override void EndProcessing()
        {
            filter = TreeFilter.Create(this, Recurse.IsPresent, Include, Exclude);
            var plan = new List<PlannedUpload>();
            foreach (var group in sources.GroupBy(s => s.Session))
            {
                var session = group.Key;
                var groupSources = group.ToList();
                UseSession(session, () => PlanFor(session, groupSources, plan));
            }

            Execute(plan);
        }

        private void AddLiteral(FtpSession session, string path)
        {
            try
            {
                AddResolved(session, GetUnresolvedProviderPathFromPSPath(path));
            }
            catch (Exception exception) when (IsItemFailure(exception) || (exception is RuntimeException && !(exception is PipelineStoppedException)))
            {
                WriteItemError(session, exception is RuntimeException ? new ArgumentException(exception.Message) : exception, path);
            }
        }

        private void AddResolved(FtpSession session, string fullPath)
        {
            if (File.Exists(fullPath))
            {
                sources.Add(new LocalSource(session, fullPath, false));
            }
            else if (Directory.Exists(fullPath))
            {
                if (Recurse.IsPresent)
                    sources.Add(new LocalSource(session, fullPath, true));
                else
                    WriteItemError(session, new ArgumentException("'" + fullPath + "' is a directory. Use -Recurse to upload it with its contents."), fullPath);
            }
            else
            {
                WriteItemError(session, new FileNotFoundException("Cannot find the local path '" + fullPath + "' because it does not exist."), fullPath);
            }
        }

        private void PlanFor(FtpSession session, IReadOnlyList<LocalSource> groupSources, List<PlannedUpload> plan)
        {
            var client = session.FileSystem;
            var remoteDestination = FtpPath.Normalize(Destination ?? ".", client.CurrentDirectory);
            bool destinationIsFolder;
            try
            {
                var existing = client.GetItem(remoteDestination, CancellationToken);
                destinationIsFolder = TransferTargets.DestinationIsFolder(
                    existing?.Type == FtpItemType.Directory, Destination != null && Destination.EndsWith("/", StringComparison.Ordinal), groupSources.Count,
                    sourcesMayVary, groupSources.Any(s => s.IsDirectory));
            }
            catch (Exception exception) when (IsItemFailure(exception))
            {
                ThrowFtpError(session, exception, remoteDestination);
                return;
            }

            if (destinationIsFolder && remoteDestination != "/") plan.Add(PlannedUpload.Folder(session, remoteDestination));
            foreach (var source in groupSources)
            {
                var name = LocalName(source.FullPath);
                if (!source.IsDirectory)
                {
                    plan.Add(PlannedUpload.File(session, source.FullPath, TransferTargets.ForUpload(remoteDestination, destinationIsFolder, name)));
                    continue;
                }

                // A folder always arrives as a folder of its own name inside -Destination (a root has no name: its contents go into -Destination).
                var remoteFolder = TransferTargets.RemoteFolderFor(remoteDestination, name);
                plan.Add(PlannedUpload.Folder(session, remoteFolder));
                AddFolderContents(session, source.FullPath, remoteFolder, plan);
            }
        }

        /// <summary>Files and folders below a local folder that -Include/-Exclude keep, parents before children. Links to folders are not followed.</summary>
        private void AddFolderContents(FtpSession session, string root, string remoteRoot, List<PlannedUpload> plan)
        {
            var walker = new LocalTreeWalker
            {
                ShouldDescend = relative => filter.IsInScope(relative, true),
                LinkSkipped = path => WriteVerbose("Not following the link '" + path + "'."),
                FolderFailed = (folder, exception) => WriteItemError(session, exception, folder),
            };
            IReadOnlyList<LocalWalkEntry> entries;
            try
            {
                entries = filter.Apply(walker.Walk(root), e => e.RelativePath, e => e.IsFolder);
            }
            catch (Exception exception) when (IsItemFailure(exception))
            {
                WriteItemError(session, exception, root);
                return;
            }

            foreach (var entry in entries)
            {
                var remotePath = TransferTargets.ForUploadBelow(remoteRoot, entry.RelativePath);
                plan.Add(entry.IsFolder ? PlannedUpload.Folder(session, remotePath) : PlannedUpload.File(session, entry.FullPath, remotePath));
            }
        }

        /// <summary>The last segment of a local path; empty for a root ("/", "C:\").</summary>
        private static string LocalName(string fullPath)
        {
            var separators = new[] { System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar };
            var trimmed = fullPath.TrimEnd(separators);
            var root = System.IO.Path.GetPathRoot(fullPath) ?? string.Empty;
            return trimmed.Length == 0 || string.Equals(trimmed, root.TrimEnd(separators), StringComparison.OrdinalIgnoreCase) ? string.Empty : System.IO.Path.GetFileName(trimmed);
        }

        private void Execute(IReadOnlyList<PlannedUpload> plan)
        {
            if (Atomic.IsPresent && IfExists == FtpIfExists.Append)
                ThrowInvalidArgument("-Atomic cannot be combined with -IfExists Append: an atomic upload publishes a complete copy by renaming it over the final name.", null);
            var files = plan.Where(p => p.LocalPath != null).ToList();
            var totalBytes = files.Sum(p => SafeLength(p.LocalPath!));
            var reporter = new TransferProgressReporter(this, SystemFtpClock.Instance, "Uploading", files.Count, totalBytes);
            var knownFolders = new HashSet<string>(StringComparer.Ordinal);
            var batch = new List<KeyValuePair<FtpSession, TransferWorkItem>>();
            try
            {
                // Folders first, in order on the session's own connection; then the files, over up to -ThrottleLimit connections.
                foreach (var step in plan)
                {
                    if (step.LocalPath is null)
                    {
                        if (knownFolders.Contains(step.RemotePath)) continue;
                        TryItem(step.Session, step.RemotePath, () =>
                        {
                            if (EnsureRemoteFolder(step.Session, step.RemotePath)) knownFolders.Add(step.RemotePath);
                        });
                        continue;
                    }

                    if (ShouldProcess(step.RemotePath, "Upload " + step.LocalPath + " to " + step.Session.ComputerName))
                        batch.Add(new KeyValuePair<FtpSession, TransferWorkItem>(step.Session, new TransferWorkItem(TransferDirection.Upload, step.LocalPath, step.RemotePath)));
                }

                var runner = new ParallelTransferRunner(this, ThrottleLimit, reporter, WriteTransferError, CancellationToken);
                foreach (var group in batch.GroupBy(p => p.Key))
                    runner.Run(group.Key, group.Select(p => p.Value).ToList(), (item, lane, token) => Upload(group.Key, item, lane, reporter, token), Uploaded);
            }
            finally
            {
                reporter.Complete();
            }
        }

        /// <summary>Creates the folder unless it exists; returns false when -WhatIf (or a "no" to -Confirm) skipped it.</summary>
        private bool EnsureRemoteFolder(FtpSession session, string remotePath)
        {
            var existing = session.FileSystem.GetItem(remotePath, CancellationToken);
            if (existing?.Type == FtpItemType.Directory) return true;
            if (existing != null) throw new IOException("Cannot create the remote folder '" + remotePath + "': a file has that name.");
            if (!ShouldProcess(remotePath, "Create remote directory")) return false;
            session.FileSystem.CreateDirectory(remotePath, true, CancellationToken);
            return true;
        }

        /// <summary>On a worker thread: writes nothing itself, everything it says goes through the lane to the pipeline thread.</summary>
        private UploadOutcome Upload(FtpSession session, TransferWorkItem item, TransferLane lane, TransferProgressReporter reporter, CancellationToken cancellationToken)
        {
            var transfers = new LocalFileTransfers(lane.Connection)
            {
                Explained = message => lane.Post(() => WriteVerboseAbout(session, message)),
                ModificationTimeNotKept = reason => lane.Post(() => WarnOnceAboutTimes(reason)),
                FileStarted = name => lane.Post(() => reporter.StartFile(lane.Index, name)),
                FileFinished = bytes => lane.Post(() => reporter.FinishFile(lane.Index, bytes)),
                Atomic = Atomic.IsPresent,
                Verify = Verify.IsPresent,
                Retry = RetryParameters.PolicyFor(this, session, RetryCount, RetryDelay),
                VerifiedBySizeOnly = reason => lane.Post(() => sizeOnlyNotice.Say(this, reason)),
            };
            var result = transfers.UploadFromFile(item.LocalPath, item.RemotePath, IfExists, lane, cancellationToken);
            var uploaded = PassThru.IsPresent && !result.WasSkipped ? lane.Connection.Current.GetItem(item.RemotePath, cancellationToken) : null;
            return new UploadOutcome(session, uploaded, result);
        }

        private void Uploaded(TransferWorkItem item, UploadOutcome outcome)
        {
            if (outcome.Uploaded != null) WriteObject(RetryParameters.WithRetries(ToFtpItem(outcome.Uploaded, outcome.Session), outcome.Result));
        }

        /// <summary>One warning per command, not one per file, when uploaded files cannot keep their local modification time.</summary>
        private void WarnOnceAboutTimes(string reason)
        {
            if (timeWarningWritten) return;
            timeWarningWritten = true;
            WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason);
        }

        private static long SafeLength(string path)
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

        /// <summary>What a worker hands back: the uploaded file as listed, for -PassThru.</summary>
        private sealed class UploadOutcome
        {
            public UploadOutcome(FtpSession session, FtpListItem? uploaded, LocalTransferResult result)
            {
                Session = session;
                Uploaded = uploaded;
                Result = result;
            }

            public LocalTransferResult Result { get; }

            public FtpSession Session { get; }

            public FtpListItem? Uploaded { get; }
        }

        private sealed class LocalSource
        {
            public LocalSource(FtpSession session, string fullPath, bool isDirectory)
            {
                Session = session;
                FullPath = fullPath;
                IsDirectory = isDirectory;
            }

            public FtpSession Session { get; }

            public string FullPath { get; }

            public bool IsDirectory { get; }
        }

        /// <summary>One step: a file to upload, or (LocalPath null) a remote folder to create.</summary>
        private sealed class PlannedUpload
        {
            private PlannedUpload(FtpSession session, string? localPath, string remotePath)
            {
                Session = session;
                LocalPath = localPath;
                RemotePath = remotePath;
            }

            public FtpSession Session { get; }

            public string? LocalPath { get; }

            public string RemotePath { get; }

            public static PlannedUpload File(FtpSession session, string localPath, string remotePath) => new PlannedUpload(session, localPath, remotePath);

            public static PlannedUpload Folder(FtpSession session, string remotePath) => new PlannedUpload(session, null, remotePath);
        }
    }
}

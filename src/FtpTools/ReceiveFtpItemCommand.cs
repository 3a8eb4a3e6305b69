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
    /// Downloads. Items are gathered while the pipeline runs and transferred at its end, so the destination rule (folder or file name,
    /// TransferTargets) and the batch progress bar see every item, whether they came from -Path or from piped FtpItems.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "FtpItem", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class ReceiveFtpItemCommand : FtpRemotePathCmdlet
    {
        private readonly List<KeyValuePair<FtpSession, FtpListItem>> sources = new List<KeyValuePair<FtpSession, FtpListItem>>();
        private string destinationRoot = string.Empty;
        private bool sourcesMayVary;
        private readonly VerboseOnce sizeOnlyNotice = new VerboseOnce("-Verify compares sizes only: ");

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>With -Recurse: only files these wildcards name (the name, or with a '/' the path below the folder) are downloaded.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        /// <summary>With -Recurse: files and folders these wildcards name are left out, a folder with everything below it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Exclude { get; set; }

        [Parameter]
        [ValidateSet(nameof(FtpIfExists.Overwrite), nameof(FtpIfExists.Skip), nameof(FtpIfExists.Fail), nameof(FtpIfExists.Resume))]
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

        private PathFilter filter = PathFilter.None;

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = ParallelTransferScheduler.DefaultThrottleLimit;

        [Parameter]
        public SwitchParameter Verify { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            filter = TreeFilter.Create(this, Recurse.IsPresent, Include, Exclude);
            try
            {
                destinationRoot = Destination is null
                    ? SessionState.Path.CurrentFileSystemLocation.ProviderPath
                    : GetUnresolvedProviderPathFromPSPath(Destination);
            }
            catch (Exception exception) when (exception is ArgumentException || exception is NotSupportedException || (exception is RuntimeException && !(exception is PipelineStoppedException)))
            {
                ThrowInvalidArgument("-Destination '" + Destination + "' is not a file system path: " + exception.Message, Destination);
            }
        }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var literal = IsLiteralPath;
            foreach (var path in RequestedPaths)
            {
                sourcesMayVary |= NamesItemsByPattern(path);
                TryItem(session, path, () =>
                {
                    foreach (var item in FindItems(session, path, literal))
                    {
                        if (item.Type == FtpItemType.Directory && !Recurse.IsPresent)
                            WriteItemError(session, new ArgumentException("'" + item.FullName + "' is a directory. Use -Recurse to download it with its contents."), item.FullName);
                        else
                            sources.Add(new KeyValuePair<FtpSession, FtpListItem>(session, item));
                    }
                });
            }
        }

        protected override void EndProcessing()
        {
            var destinationIsFolder = TransferTargets.DestinationIsFolder(
                Directory.Exists(destinationRoot), Destination != null && TransferTargets.EndsWithLocalSeparator(Destination), sources.Count,
                sourcesMayVary, sources.Any(s => s.Value.Type == FtpItemType.Directory));
            var plan = new List<PlannedDownload>();
            foreach (var source in sources)
            {
                var session = source.Key;
                var item = source.Value;
                TryItem(session, item.FullName, () =>
                {
                    if (item.Type != FtpItemType.Directory)
                    {
                        plan.Add(new PlannedDownload(session, item, TransferTargets.ForDownload(destinationRoot, destinationIsFolder, item.Name)));
                        return;
                    }

                    // A folder always arrives as a folder of its own name inside -Destination ("/" has no name: its contents go into -Destination).
                    var localFolder = TransferTargets.LocalFolderFor(destinationRoot, item.FullName);
                    plan.Add(new PlannedDownload(session, null, localFolder));
                    var walker = CreateWalker(session);
                    walker.ShouldDescend = folder => filter.IsInScope(TreeFilter.RelativeTo(item.FullName, folder.FullName), true);
                    var walked = filter.Apply(walker.Walk(item.FullName, int.MaxValue), e => e.RelativePath, e => e.Item.Type == FtpItemType.Directory);
                    foreach (var entry in walked)
                    {
                        var local = TryMapBelow(session, localFolder, entry);
                        if (local is null) continue;
                        plan.Add(new PlannedDownload(session, entry.Item.Type == FtpItemType.Directory ? null : entry.Item, local));
                    }
                });
            }

            Execute(plan);
        }

        private string? TryMapBelow(FtpSession session, string localFolder, RemoteWalkEntry entry)
        {
            try
            {
                return LocalNameGuard.CombineUnder(localFolder, entry.RelativePath.Split('/'));
            }
            catch (UnsafeRemoteNameException exception)
            {
                WriteItemError(session, exception, entry.Item.FullName);
                return null;
            }
        }

        private void Execute(IReadOnlyList<PlannedDownload> plan)
        {
            var files = plan.Where(p => p.Remote != null).ToList();
            long? totalBytes = files.All(p => p.Remote!.Length.HasValue) ? files.Sum(p => p.Remote!.Length!.Value) : (long?)null;
            var reporter = new TransferProgressReporter(this, SystemFtpClock.Instance, "Downloading", files.Count, totalBytes);
            var batch = new List<KeyValuePair<FtpSession, TransferWorkItem>>();
            try
            {
                foreach (var step in plan)
                {
                    if (step.Remote is null)
                    {
                        if (!Directory.Exists(step.LocalPath) && ShouldProcess(step.LocalPath, "Create directory"))
                            TryItem(step.Session, step.LocalPath, () => Directory.CreateDirectory(step.LocalPath));
                        continue;
                    }

                    if (ShouldProcess(step.LocalPath, "Download " + step.Remote.FullName + " from " + step.Session.ComputerName))
                        batch.Add(new KeyValuePair<FtpSession, TransferWorkItem>(step.Session, new TransferWorkItem(TransferDirection.Download, step.LocalPath, step.Remote.FullName, step.Remote)));
                }

                var runner = new ParallelTransferRunner(this, ThrottleLimit, reporter, WriteTransferError, CancellationToken);
                foreach (var group in batch.GroupBy(p => p.Key))
                    runner.Run(group.Key, group.Select(p => p.Value).ToList(), (item, lane, token) => Download(group.Key, item, lane, reporter, token), Downloaded);
            }
            finally
            {
                reporter.Complete();
            }
        }

        /// <summary>On a worker thread: writes nothing itself, everything it says goes through the lane to the pipeline thread.</summary>
        private LocalTransferResult Download(FtpSession session, TransferWorkItem item, TransferLane lane, TransferProgressReporter reporter, CancellationToken cancellationToken)
        {
            var transfers = new LocalFileTransfers(lane.Connection)
            {
                Explained = message => lane.Post(() => WriteVerboseAbout(session, message)),
                FileStarted = name => lane.Post(() => reporter.StartFile(lane.Index, name)),
                FileFinished = bytes => lane.Post(() => reporter.FinishFile(lane.Index, bytes)),
                ModificationTimeNotKept = reason => lane.Post(() => WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason)),
                Verify = Verify.IsPresent,
                Retry = RetryParameters.PolicyFor(this, session, RetryCount, RetryDelay),
                VerifiedBySizeOnly = reason => lane.Post(() => sizeOnlyNotice.Say(this, reason)),
            };
            return transfers.DownloadToFile(item.RemoteItem!, item.LocalPath, IfExists, lane, cancellationToken);
        }

        private void Downloaded(TransferWorkItem item, LocalTransferResult result)
        {
            // The file as Get-Item returns it (with PSPath, PSParentPath, ...), so it shows in the usual file system view.
            if (PassThru.IsPresent && !result.WasSkipped)
                foreach (var file in InvokeProvider.Item.Get(new[] { item.LocalPath }, false, true)) WriteObject(RetryParameters.WithRetries(file, result));
        }

        /// <summary>One step: a file to download, or (Remote null) a local folder to create so empty remote folders are mirrored too.</summary>
        private sealed class PlannedDownload
        {
            public PlannedDownload(FtpSession session, FtpListItem? remote, string localPath)
            {
                Session = session;
                Remote = remote;
                LocalPath = localPath;
            }

            public FtpSession Session { get; }

            public FtpListItem? Remote { get; }

            public string LocalPath { get; }
        }
    }
}

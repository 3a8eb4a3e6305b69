using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Parallel;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Synchronizing;

namespace FtpTools
{
    /// <summary>
    /// One-way mirror of a folder tree. The engine reads both trees and plans (SyncPlanner); this cmdlet runs the plan, one
    /// action after another, and writes one FtpSyncResult per action.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "FtpItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpSyncResult))]
    public sealed class SyncFtpItemCommand : FtpSessionCmdlet
    {
        private readonly VerboseOnce sizeOnlyNotice = new VerboseOnce("-Verify compares sizes only: ");
        private bool timeWarningWritten;
        private Engine.Retrying.RetryPolicy retryPolicy = Engine.Retrying.RetryPolicy.None;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? LocalPath { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string? RemotePath { get; set; }

        [Parameter(Mandatory = true)]
        public FtpSyncDirection Direction { get; set; }

        [Parameter]
        public FtpSyncCompare Compare { get; set; } = FtpSyncCompare.SizeAndTime;

        [Parameter]
        public SwitchParameter Delete { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Exclude { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = ParallelTransferScheduler.DefaultThrottleLimit;

        /// <summary>Uploads only: each file is written under a temporary name and renamed when complete (downloads always are).</summary>
        [Parameter]
        public SwitchParameter Atomic { get; set; }

        [Parameter]
        public SwitchParameter Verify { get; set; }

        /// <summary>Retries of a file after a transient failure; the session's -RetryCount unless given.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int RetryCount { get; set; }

        /// <summary>Seconds before the first retry, doubled before each next one; the session's -RetryDelay unless given.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int RetryDelay { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            retryPolicy = RetryParameters.PolicyFor(this, session, RetryCount, RetryDelay);
            var localRoot = ResolveLocalRoot();
            var filter = CreateFilter();
            var started = DateTimeOffset.UtcNow;
            var remoteRoot = FtpPath.Normalize(RemotePath!, session.FileSystem.CurrentDirectory);
            SyncPlan? plan = null;
            UseSession(session, () =>
            {
                try
                {
                    plan = PlanSync(session, localRoot, remoteRoot, filter, started);
                }
                catch (Exception exception) when (IsItemFailure(exception))
                {
                    ThrowFtpError(session, exception, Direction == FtpSyncDirection.Upload ? localRoot : remoteRoot);
                }
            });
            foreach (var note in plan!.Notes) WriteWarning(FtpErrorIds.HashNotAvailable, note);
            Run(session, plan, new SyncExecutor(session.Connection, Direction, localRoot, remoteRoot));
        }

        private SyncPlan PlanSync(FtpSession session, string localRoot, string remoteRoot, PathFilter filter, DateTimeOffset started)
        {
            var remoteRootItem = session.FileSystem.GetItem(remoteRoot, CancellationToken);
            if (remoteRootItem != null && remoteRootItem.Type != FtpItemType.Directory) throw new ArgumentException("-RemotePath '" + remoteRoot + "' is a file, not a folder.");
            if (Direction == FtpSyncDirection.Download && remoteRootItem is null) throw new RemoteItemNotFoundException("The remote folder '" + remoteRoot + "' does not exist.");
            if (File.Exists(localRoot)) throw new ArgumentException("-LocalPath '" + localRoot + "' is a file, not a folder.");
            if (Direction == FtpSyncDirection.Upload && !Directory.Exists(localRoot)) throw new DirectoryNotFoundException("The local folder '" + localRoot + "' does not exist.");

            var remoteWalker = CreateWalker(session);
            remoteWalker.ShouldDescend = item => filter.IsInScope(RelativeTo(remoteRoot, item.FullName), true);
            var remote = remoteRootItem is null ? new List<SyncEntry>() : SyncTrees.FromRemote(remoteWalker.Walk(remoteRoot, int.MaxValue));
            var localWalker = new LocalTreeWalker
            {
                ShouldDescend = relative => filter.IsInScope(relative, true),
                LinkSkipped = path => WriteVerbose("Not following the link '" + path + "'."),
                FolderFailed = (folder, exception) => WriteItemError(session, exception, folder),
            };
            IReadOnlyDictionary<string, SyncEntry> partials = new Dictionary<string, SyncEntry>();
            var local = Directory.Exists(localRoot) ? SyncTrees.FromLocal(localWalker.Walk(localRoot), out partials) : new List<SyncEntry>();
            var upload = Direction == FtpSyncDirection.Upload;
            var options = new SyncOptions(Direction, started)
            {
                Compare = Compare,
                Delete = Delete.IsPresent,
                Filter = filter,
                TargetKeepsSourceTime = !upload || session.FileSystem.CanSetModifiedTime,
                TargetRootExists = upload ? remoteRootItem != null : Directory.Exists(localRoot),
            };
            return SyncPlanner.Plan(upload ? local : remote, upload ? remote : local, partials, options, new RemoteSyncLookups(session.Connection, CancellationToken));
        }

        /// <summary>
        /// Runs the plan: folders and deletes in plan order on this thread, file transfers over up to -ThrottleLimit connections.
        /// Transfers wait in a batch that runs before the next delete (a delete can make room for what follows it) and at the end;
        /// folders never wait, as no transfer creates one. A failed action is an error, and the rest go on.
        /// </summary>
        private void Run(FtpSession session, SyncPlan plan, SyncExecutor executor)
        {
            var transfers = plan.Actions.Where(IsTransfer).ToList();
            var reporter = new TransferProgressReporter(this, SystemFtpClock.Instance, "Synchronizing", transfers.Count, transfers.All(a => a.Length.HasValue) ? transfers.Sum(a => a.Length!.Value) : (long?)null);
            var runner = new ParallelTransferRunner(this, ThrottleLimit, reporter, WriteTransferError, CancellationToken);
            var batch = new List<(TransferWorkItem Item, SyncAction Action, FtpSyncResult Result)>();
            var whatIf = IsWhatIf();
            try
            {
                foreach (var action in plan.Actions)
                {
                    var result = new FtpSyncResult(action, executor.LocalPathOfOrEmpty(action.RelativePath), executor.RemotePathOf(action.RelativePath));
                    var target = Direction == FtpSyncDirection.Upload ? result.RemotePath : result.LocalPath;
                    if (action.Kind == SyncActionKind.Skip ? whatIf : !ShouldProcess(target, Describe(action, session)))
                    {
                        WriteObject(result);
                        continue;
                    }

                    if (IsTransfer(action) && action.Blocked is null && result.LocalPath.Length > 0)
                    {
                        batch.Add((WorkItemFor(action, result), action, result));
                        continue;
                    }

                    if (action.Kind == SyncActionKind.Delete) RunTransfers(session, executor, runner, reporter, batch);
                    executor.ConfigureTransfers = files => Configure(files, session, null, reporter);
                    try
                    {
                        UseSession(session, () => Completed(result, executor.Run(action, reporter, CancellationToken)));
                    }
                    catch (Exception exception) when (IsItemFailure(exception))
                    {
                        Failed(session, result, target, exception);
                        continue;
                    }

                    WriteObject(result);
                }

                RunTransfers(session, executor, runner, reporter, batch);
            }
            finally
            {
                reporter.Complete();
            }
        }

        private void RunTransfers(FtpSession session, SyncExecutor executor, ParallelTransferRunner runner, TransferProgressReporter reporter, List<(TransferWorkItem Item, SyncAction Action, FtpSyncResult Result)> batch)
        {
            if (batch.Count == 0) return;
            var steps = batch.ToDictionary(p => p.Item);
            var items = batch.Select(p => p.Item).ToList();
            batch.Clear();
            runner.Run(session, items,
                (item, lane, token) => executor.On(lane.Connection, files => Configure(files, session, lane, reporter)).Run(steps[item].Action, lane, token),
                (item, transfer) =>
                {
                    Completed(steps[item].Result, transfer);
                    WriteObject(steps[item].Result);
                },
                (item, exception) => Failed(session, steps[item].Result, Direction == FtpSyncDirection.Upload ? item.RemotePath : item.LocalPath, exception));
        }

        /// <summary>The transfers' callbacks: straight to the pipeline on this thread (lane null), through the lane on a worker's.</summary>
        private void Configure(LocalFileTransfers files, FtpSession session, TransferLane? lane, TransferProgressReporter reporter)
        {
            Action<Action> say = lane is null ? (Action<Action>)(write => write()) : lane.Post;
            var laneIndex = lane?.Index ?? 0;
            files.Explained = message => say(() => WriteVerboseAbout(session, message));
            files.ModificationTimeNotKept = reason => say(() => WarnOnceAboutTimes(reason));
            files.FileStarted = name => say(() => reporter.StartFile(laneIndex, name));
            files.FileFinished = bytes => say(() => reporter.FinishFile(laneIndex, bytes));
            files.Retry = retryPolicy;
            files.Atomic = Atomic.IsPresent && Direction == FtpSyncDirection.Upload;
            files.Verify = Verify.IsPresent;
            files.VerifiedBySizeOnly = reason => say(() => sizeOnlyNotice.Say(this, reason));
        }

        private TransferWorkItem WorkItemFor(SyncAction action, FtpSyncResult result) =>
            new TransferWorkItem(action.Kind == SyncActionKind.Upload ? TransferDirection.Upload : TransferDirection.Download, result.LocalPath, result.RemotePath, action.Source?.RemoteItem);

        private void Failed(FtpSession session, FtpSyncResult result, string target, Exception exception)
        {
            if (!IsItemFailure(exception)) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
            result.Status = FtpSyncStatus.Failed;
            result.Error = exception.Message;
            WriteObject(result);
            WriteItemError(session, exception, target);
        }

        private static bool IsTransfer(SyncAction action) => action.Kind == SyncActionKind.Upload || action.Kind == SyncActionKind.Download;

        private static void Completed(FtpSyncResult result, LocalTransferResult? transfer)
        {
            result.Status = FtpSyncStatus.Done;
            result.BytesTransferred = transfer?.BytesTransferred ?? 0;
            result.Retries = transfer?.Retries ?? 0;
        }

        private string Describe(SyncAction action, FtpSession session)
        {
            switch (action.Kind)
            {
                case SyncActionKind.Upload: return "Upload from " + action.Source!.FullPath + " to " + session.ComputerName + " (" + action.Reason + ")";
                case SyncActionKind.Download: return "Download " + action.Source!.FullPath + " from " + session.ComputerName + " (" + action.Reason + ")";
                case SyncActionKind.Delete: return (action.IsFolder ? "Delete folder" : "Delete file") + " (" + action.Reason + ")";
                default: return "Create folder";
            }
        }

        private string ResolveLocalRoot()
        {
            try
            {
                return GetUnresolvedProviderPathFromPSPath(LocalPath);
            }
            catch (Exception exception) when (exception is ArgumentException || exception is NotSupportedException || (exception is RuntimeException && !(exception is PipelineStoppedException)))
            {
                ThrowInvalidArgument("-LocalPath '" + LocalPath + "' is not a file system path: " + exception.Message, LocalPath);
                throw;
            }
        }

        private PathFilter CreateFilter()
        {
            try
            {
                return new PathFilter(Include, Exclude);
            }
            catch (ArgumentException exception)
            {
                ThrowInvalidArgument(exception.Message, null);
                throw;
            }
        }

        private bool IsWhatIf() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) ? value is SwitchParameter whatIf && whatIf.IsPresent
                : SessionState.PSVariable.GetValue("WhatIfPreference") is object preference && LanguagePrimitives.IsTrue(preference);

        private static string RelativeTo(string root, string fullName) =>
            fullName.Length > root.Length && fullName.StartsWith(root, StringComparison.Ordinal) ? fullName.Substring(root.Length).TrimStart('/') : fullName;

        private void WarnOnceAboutTimes(string reason)
        {
            if (Direction == FtpSyncDirection.Download)
            {
                // A download keeps the server's time unless the connection dropped just after it: a per-file event, said each time.
                WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason);
                return;
            }

            if (timeWarningWritten) return;
            timeWarningWritten = true;
            WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason + " Sync-FtpItem then counts a remote file as changed only when the local file is newer.");
        }
    }
}

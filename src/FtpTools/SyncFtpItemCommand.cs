using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Files;
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
        private bool timeWarningWritten;

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

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
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

        /// <summary>Runs the plan in order: the one place that carries out actions (a failed one is an error, and the rest go on).</summary>
        private void Run(FtpSession session, SyncPlan plan, SyncExecutor executor)
        {
            var transfers = plan.Actions.Where(a => a.Kind == SyncActionKind.Upload || a.Kind == SyncActionKind.Download).ToList();
            var reporter = new TransferProgressReporter(this, SystemFtpClock.Instance, "Synchronizing", transfers.Count, transfers.All(a => a.Length.HasValue) ? transfers.Sum(a => a.Length!.Value) : (long?)null);
            executor.ConfigureTransfers = files =>
            {
                files.Explained = message => WriteVerboseAbout(session, message);
                files.ModificationTimeNotKept = WarnOnceAboutTimes;
                files.FileStarted = reporter.StartFile;
                files.FileFinished = reporter.FinishFile;
            };
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

                    Exception? failure = null;
                    try
                    {
                        UseSession(session, () => Completed(result, executor.Run(action, reporter, CancellationToken)));
                    }
                    catch (Exception exception) when (IsItemFailure(exception))
                    {
                        failure = exception;
                        result.Status = FtpSyncStatus.Failed;
                        result.Error = exception.Message;
                    }

                    WriteObject(result);
                    if (failure != null) WriteItemError(session, failure, target);
                }
            }
            finally
            {
                reporter.Complete();
            }
        }

        private static void Completed(FtpSyncResult result, LocalTransferResult? transfer)
        {
            result.Status = FtpSyncStatus.Done;
            result.BytesTransferred = transfer?.BytesTransferred ?? 0;
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
            if (timeWarningWritten) return;
            timeWarningWritten = true;
            WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason + " Sync-FtpItem then counts a remote file as changed only when the local file is newer.");
        }
    }
}

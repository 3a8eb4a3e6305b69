using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Parallel;
using FtpTools.Engine.Retrying;
using FtpTools.Engine.Synchronizing;

namespace FtpTools
{
    /// <summary>
    /// Sync-FtpItem's plan carried out (SyncExecutor does each action), writing one FtpSyncResult per action: folders and deletes
    /// in plan order on the pipeline thread, file transfers over up to -ThrottleLimit connections. Transfers wait in a batch that
    /// runs before the next delete (a delete can make room for what follows it) and at the end; folders never wait, as no
    /// transfer creates one. A failed action is an error, and the rest go on.
    /// </summary>
    internal sealed class SyncRun
    {
        private readonly FtpTransferCmdlet cmdlet;
        private readonly FtpSession session;
        private readonly SyncExecutor executor;
        private readonly RetryPolicy retry;
        private readonly bool atomic;
        private readonly List<(TransferWorkItem Item, SyncAction Action, FtpSyncResult Result)> batch = new List<(TransferWorkItem, SyncAction, FtpSyncResult)>();
        private readonly OncePerCommand uploadTimesNotKept;

        /// <param name="atomic">-Atomic: uploads are written under a temporary name and renamed when complete (downloads always are).</param>
        public SyncRun(FtpTransferCmdlet cmdlet, FtpSession session, SyncExecutor executor, RetryPolicy retry, bool atomic)
        {
            this.cmdlet = cmdlet;
            this.session = session;
            this.executor = executor;
            this.retry = retry;
            this.atomic = atomic && executor.Direction == FtpSyncDirection.Upload;
            uploadTimesNotKept = new OncePerCommand(reason => cmdlet.WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason + " Sync-FtpItem then counts a remote file as changed only when the local file is newer."));
        }

        private bool IsUpload => executor.Direction == FtpSyncDirection.Upload;

        public void Execute(SyncPlan plan)
        {
            var transfers = plan.Actions.Where(IsTransfer).ToList();
            var reporter = new TransferProgressReporter(cmdlet, SystemFtpClock.Instance, "Synchronizing", transfers.Count, transfers.All(a => a.Length.HasValue) ? transfers.Sum(a => a.Length!.Value) : (long?)null);
            var runner = cmdlet.CreateRunner(reporter);
            var whatIf = IsWhatIf();
            try
            {
                foreach (var action in plan.Actions)
                {
                    var result = new FtpSyncResult(action, executor.LocalPathOfOrEmpty(action.RelativePath), executor.RemotePathOf(action.RelativePath));
                    var target = IsUpload ? result.RemotePath : result.LocalPath;
                    if (action.Kind == SyncActionKind.Skip ? whatIf : !cmdlet.ShouldProcess(target, Describe(action)))
                    {
                        cmdlet.WriteObject(result);
                        continue;
                    }

                    if (IsTransfer(action) && action.Blocked is null && result.LocalPath.Length > 0)
                    {
                        batch.Add((WorkItemFor(action, result), action, result));
                        continue;
                    }

                    if (action.Kind == SyncActionKind.Delete) RunTransfers(runner, reporter);
                    executor.ConfigureTransfers = files => Configure(files, null, reporter);
                    try
                    {
                        cmdlet.UseSession(session, () => Completed(result, executor.Run(action, reporter, cmdlet.CancellationToken)));
                    }
                    catch (Exception exception) when (FtpCmdlet.IsItemFailure(exception))
                    {
                        Failed(result, target, exception);
                        continue;
                    }

                    cmdlet.WriteObject(result);
                }

                RunTransfers(runner, reporter);
            }
            finally
            {
                reporter.Complete();
            }
        }

        private void RunTransfers(ParallelTransferRunner runner, TransferProgressReporter reporter)
        {
            if (batch.Count == 0) return;
            var steps = batch.ToDictionary(p => p.Item);
            var items = batch.Select(p => p.Item).ToList();
            batch.Clear();
            runner.Run(session, items,
                (item, lane, token) => executor.On(lane.Connection, files => Configure(files, lane, reporter)).Run(steps[item].Action, lane, token),
                (item, transfer) =>
                {
                    Completed(steps[item].Result, transfer);
                    cmdlet.WriteObject(steps[item].Result);
                },
                (item, exception) => Failed(steps[item].Result, IsUpload ? item.RemotePath : item.LocalPath, exception));
        }

        private void Configure(LocalFileTransfers files, TransferLane? lane, TransferProgressReporter reporter) =>
            cmdlet.Configure(files, session, retry, lane, reporter, WarnAboutTimes).Atomic = atomic;

        private static TransferWorkItem WorkItemFor(SyncAction action, FtpSyncResult result) =>
            new TransferWorkItem(action.Kind == SyncActionKind.Upload ? TransferDirection.Upload : TransferDirection.Download, result.LocalPath, result.RemotePath, action.Source?.RemoteItem);

        private void Failed(FtpSyncResult result, string target, Exception exception)
        {
            if (!FtpCmdlet.IsItemFailure(exception)) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
            result.Status = FtpSyncStatus.Failed;
            result.Error = exception.Message;
            cmdlet.WriteObject(result);
            cmdlet.WriteTransferError(session, exception, target);
        }

        private static bool IsTransfer(SyncAction action) => action.Kind == SyncActionKind.Upload || action.Kind == SyncActionKind.Download;

        private static void Completed(FtpSyncResult result, LocalTransferResult? transfer)
        {
            result.Status = FtpSyncStatus.Done;
            result.BytesTransferred = transfer?.BytesTransferred ?? 0;
            result.Retries = transfer?.Retries ?? 0;
        }

        private string Describe(SyncAction action)
        {
            switch (action.Kind)
            {
                case SyncActionKind.Upload: return "Upload from " + action.Source!.FullPath + " to " + session.ComputerName + " (" + action.Reason + ")";
                case SyncActionKind.Download: return "Download " + action.Source!.FullPath + " from " + session.ComputerName + " (" + action.Reason + ")";
                case SyncActionKind.Delete: return (action.IsFolder ? "Delete folder" : "Delete file") + " (" + action.Reason + ")";
                default: return "Create folder";
            }
        }

        private bool IsWhatIf() =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) ? value is SwitchParameter whatIf && whatIf.IsPresent
                : cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference") is object preference && LanguagePrimitives.IsTrue(preference);

        private void WarnAboutTimes(string reason)
        {
            if (!IsUpload)
            {
                // A download keeps the server's time unless the connection dropped just after it: a per-file event, said each time.
                cmdlet.WriteWarning(FtpErrorIds.ModificationTimeNotKept, reason);
                return;
            }

            uploadTimesNotKept.Write(reason);
        }
    }
}

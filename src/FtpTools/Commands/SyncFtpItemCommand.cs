using System;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Synchronizing;

namespace FtpTools
{
    /// <summary>
    /// One-way mirror of a folder tree. The engine reads both trees and plans (SyncTreeReader, SyncPlanner); SyncRun carries out
    /// the plan and writes one FtpSyncResult per action.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "FtpItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpSyncResult))]
    public sealed class SyncFtpItemCommand : FtpTransferCmdlet
    {
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

        /// <summary>Uploads only: each file is written under a temporary name and renamed when complete (downloads always are).</summary>
        [Parameter]
        public SwitchParameter Atomic { get; set; }

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.FtpSessionCompleter))]
        public FtpSession? Session { get; set; }

        protected override FtpSession? SessionArgument => Session;

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            var retry = RetryPolicyFor(session);
            var localRoot = ResolveLocalPath(LocalPath, "-LocalPath");
            var options = new SyncOptions(Direction, DateTimeOffset.UtcNow) { Compare = Compare, Delete = Delete.IsPresent, Filter = CreateFilter(true) };
            var remoteRoot = FtpPath.Normalize(RemotePath!, session.FileSystem.CurrentDirectory);
            var reader = new SyncTreeReader(session.Connection, options)
            {
                LinkSkipped = path => WriteVerbose("Not following the link '" + path + "'."),
                LocalFolderFailed = (folder, exception) => WriteItemError(session, exception, folder),
            };
            SyncPlan? plan = null;
            UseSession(session, () =>
            {
                try
                {
                    plan = reader.Plan(localRoot, remoteRoot, CreateWalker(session), CancellationToken);
                }
                catch (Exception exception) when (IsItemFailure(exception))
                {
                    ThrowFtpError(session, exception, Direction == FtpSyncDirection.Upload ? localRoot : remoteRoot);
                }
            });

            foreach (var note in plan!.Notes) WriteWarning(FtpErrorIds.HashNotAvailable, note);
            new SyncRun(this, session, new SyncExecutor(session.Connection, Direction, localRoot, remoteRoot), retry, Atomic.IsPresent).Execute(plan);
        }
    }
}

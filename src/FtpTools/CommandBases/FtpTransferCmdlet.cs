using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Files;
using FtpTools.Engine.Parallel;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Retrying;

namespace FtpTools
{
    /// <summary>
    /// Send-FtpItem, Receive-FtpItem and Sync-FtpItem: the parameters that say how files move, declared once, and what the three
    /// do alike with them (retry policy, parallel runs, the transfers' messages). Each cmdlet declares what names its items and
    /// -Session (Sync-FtpItem in one set, the other two per Path/LiteralPath set: FtpPathSetsTransferCmdlet).
    /// PowerShell lists parameters declared here after the cmdlet's own ones (Get-Command's Parameters and -Syntax).
    /// </summary>
    public abstract class FtpTransferCmdlet : FtpSessionCmdletBase
    {
        private readonly OncePerCommand sizeOnlyNotice;

        protected FtpTransferCmdlet() => sizeOnlyNotice = new OncePerCommand(reason => WriteVerbose("-Verify compares sizes only: " + reason));

        /// <summary>Only files these wildcards name (the name, or with a '/' the path below the folder) are transferred.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        /// <summary>Files and folders these wildcards name are left out, a folder with everything below it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Exclude { get; set; }

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
        public SwitchParameter Verify { get; set; }

        /// <summary>
        /// -Include and -Exclude, checked once, as one filter over what -Recurse (or Sync-FtpItem) finds; a terminating
        /// InvalidArgument error when a pattern is malformed or recurse is false.
        /// </summary>
        protected PathFilter CreateFilter(bool recurse)
        {
            if (Include is null && Exclude is null) return PathFilter.None;
            if (!recurse) ThrowInvalidArgument("-Include and -Exclude filter what -Recurse finds inside folders; add -Recurse, or name the files with -Path.", null);
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

        /// <summary>A local path parameter as a full file system path (the current location when null); a terminating InvalidArgument error when it is not one.</summary>
        protected string ResolveLocalPath(string? path, string parameterName)
        {
            try
            {
                return path is null ? SessionState.Path.CurrentFileSystemLocation.ProviderPath : GetUnresolvedProviderPathFromPSPath(path);
            }
            catch (Exception exception) when (exception is ArgumentException || exception is NotSupportedException || (exception is RuntimeException && !(exception is PipelineStoppedException)))
            {
                ThrowInvalidArgument(parameterName + " '" + path + "' is not a file system path: " + exception.Message, path);
                throw;
            }
        }

        /// <summary>The session's retry policy with -RetryCount and -RetryDelay where given.</summary>
        internal RetryPolicy RetryPolicyFor(FtpSession session) => RetryParameters.PolicyFor(this, session, RetryCount, RetryDelay);

        /// <summary>Runs transfers over up to -ThrottleLimit connections per session; a failed item is written as its error.</summary>
        internal ParallelTransferRunner CreateRunner(TransferProgressReporter reporter) =>
            new ParallelTransferRunner(this, ThrottleLimit, reporter, WriteTransferError, CancellationToken);

        /// <summary>
        /// Transfers a batch that may span sessions, one Run per session in the order they first appear; work runs on worker
        /// threads and must write nothing itself (use lane.Post).
        /// </summary>
        internal void RunBatch<TResult>(IReadOnlyList<KeyValuePair<FtpSession, TransferWorkItem>> batch, TransferProgressReporter reporter,
            Func<FtpSession, TransferWorkItem, TransferLane, CancellationToken, TResult> work, Action<TransferWorkItem, TResult> completed)
        {
            var runner = CreateRunner(reporter);
            foreach (var group in batch.GroupBy(p => p.Key))
                runner.Run(group.Key, group.Select(p => p.Value).ToList(), (item, lane, token) => work(group.Key, item, lane, token), completed);
        }

        /// <summary>
        /// Sets what one file transfer says and how it retries and verifies: straight to the pipeline when lane is null (this
        /// thread), through the lane from a worker's. timeNotKept writes the warning about a modification time not kept.
        /// </summary>
        internal LocalFileTransfers Configure(LocalFileTransfers files, FtpSession session, RetryPolicy retry, TransferLane? lane, TransferProgressReporter reporter, Action<string> timeNotKept)
        {
            Action<Action> say = lane is null ? (Action<Action>)(write => write()) : lane.Post;
            var laneIndex = lane?.Index ?? 0;
            files.Explained = message => say(() => WriteVerboseAbout(session, message));
            files.ModificationTimeNotKept = reason => say(() => timeNotKept(reason));
            files.FileStarted = name => say(() => reporter.StartFile(laneIndex, name));
            files.FileFinished = bytes => say(() => reporter.FinishFile(laneIndex, bytes));
            files.Retry = retry;
            files.Verify = Verify.IsPresent;
            files.VerifiedBySizeOnly = reason => say(() => sizeOnlyNotice.Write(reason));
            return files;
        }
    }

    /// <summary>
    /// Send-FtpItem and Receive-FtpItem: transfer cmdlets whose items are named by -Path or -LiteralPath, with -Session per set
    /// as FtpPathSetsCmdlet declares it (and for the same reason).
    /// </summary>
    public abstract class FtpPathSetsTransferCmdlet : FtpTransferCmdlet
    {
        [Parameter(ParameterSetName = PathSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.FtpSessionCompleter))]
        public FtpSession? Session { get; set; }

        protected override FtpSession? SessionArgument => Session;
    }
}

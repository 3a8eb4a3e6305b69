using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// What every FtpTools cmdlet shares: Ctrl+C cancels the engine call in progress, the session registry of this runspace,
    /// the control conversation routed to -Verbose, and one way to turn failures into error records.
    /// </summary>
    public abstract class FtpCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();

        protected internal CancellationToken CancellationToken => cancellation.Token;

        internal FtpSessionRegistry Registry => FtpSessionRegistry.For(SessionState);

        protected override void StopProcessing() => cancellation.Cancel();

        public void Dispose()
        {
            cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>The explicit session, else the most recent one of this runspace; with neither, a terminating NoSession error.</summary>
        protected FtpSession ResolveSession(FtpSession? explicitSession)
        {
            if (explicitSession != null) return explicitSession;
            var current = Registry.Current;
            if (current is null) ThrowTerminatingError(FtpErrorRecords.NoSession());
            return current!;
        }

        /// <summary>Runs engine work with the session's trace shown as verbose output of this cmdlet.</summary>
        protected internal T UseSession<T>(FtpSession session, Func<T> work)
        {
            using (session.TraceRelay.RedirectTo(WriteTraceEntry))
            {
                try
                {
                    return work();
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>
        /// A stopping pipeline refuses output, and so does this cmdlet while a command it feeds runs (a streamed listing piped on):
        /// the engine's trace must not break off what it traces then (an ABOR, a command of the cmdlet downstream).
        /// </summary>
        private void WriteTraceEntry(FtpTraceEntry entry)
        {
            try
            {
                WriteVerbose(entry.ToString());
            }
            catch (Exception exception) when (exception is PipelineStoppedException || exception is PSInvalidOperationException)
            {
            }
        }

        protected internal void UseSession(FtpSession session, Action work) => UseSession(session, () =>
        {
            work();
            return true;
        });

        /// <summary>Runs the work for one item of many: a failure becomes a non-terminating error and the caller goes on with the next item.</summary>
        protected internal bool TryItem(FtpSession session, object? target, Action work)
        {
            try
            {
                UseSession(session, work);
                return true;
            }
            catch (Exception exception) when (IsItemFailure(exception))
            {
                WriteItemError(session, exception, target);
                return false;
            }
        }

        /// <summary>Writes a non-terminating error, unless the connection is gone: then every later item would fail the same way, so it ends the command.</summary>
        protected void WriteItemError(FtpSession? session, Exception exception, object? target)
        {
            var record = FtpErrorRecords.FromException(exception, target, ServerLabel(session));
            if (record.CategoryInfo.Category == ErrorCategory.ConnectionError && session != null && !session.IsConnected)
                ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>A parallel transfer's failed item, on the pipeline thread: its error as WriteItemError writes it; anything that is not an item failure is a defect and is rethrown.</summary>
        internal void WriteTransferError(FtpSession session, Exception exception, object? target)
        {
            if (!IsItemFailure(exception)) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
            WriteItemError(session, exception, target);
        }

        protected void ThrowFtpError(Exception exception, object? target) => ThrowTerminatingError(FtpErrorRecords.FromException(exception, target));

        protected internal void ThrowFtpError(FtpSession session, Exception exception, object? target) => ThrowTerminatingError(FtpErrorRecords.FromException(exception, target, ServerLabel(session)));

        /// <summary>"user@host:port" when more than one session is open in this runspace (so an error says which server it is about); otherwise null.</summary>
        private string? ServerLabel(FtpSession? session) =>
            session != null && Registry.Sessions.Count > 1
                ? session.UserName + "@" + (session.ComputerName.IndexOf(':') >= 0 ? "[" + session.ComputerName + "]" : session.ComputerName) + ":" + session.Port
                : null;

        protected void ThrowInvalidArgument(string message, object? target) => ThrowTerminatingError(FtpErrorRecords.InvalidArgument(message, target));

        /// <summary>What check returns; an ArgumentException it throws ends the command as an invalid argument (its message without the parameter name .NET appends).</summary>
        protected T CheckArguments<T>(Func<T> check, object? target)
        {
            try
            {
                return check();
            }
            catch (ArgumentException exception)
            {
                ThrowInvalidArgument(FtpErrorClassifier.MessageWithoutParameterName(exception), target);
                throw;
            }
        }

        /// <summary>The folder this module was loaded from; the SFTP engine is loaded from its sftp folder on first use.</summary>
        protected static string ModuleDirectory => Path.GetDirectoryName(typeof(FtpCmdlet).Assembly.Location) ?? string.Empty;

        protected internal void WriteVerboseAbout(FtpSession session, string message) => WriteVerbose("[" + session.ComputerName + "] " + message);

        /// <summary>A warning with a stable id in front ("[FtpTools.X] ..."), as the module's warnings have.</summary>
        protected internal void WriteWarning(string errorId, string message) => WriteWarning("[" + errorId + "] " + message);

        /// <summary>The failures that belong to one item; anything else is a bug and should surface as such.</summary>
        protected internal static bool IsItemFailure(Exception exception) =>
            exception is FtpException
            || exception is IOException
            || exception is UnauthorizedAccessException
            || exception is ArgumentException
            || exception is NotSupportedException
            || exception is SecurityException
            || exception is UnsafeRemoteNameException
            || exception is DestinationExistsException
            || exception is RemoteItemNotFoundException
            || exception is OperationCanceledException;
    }
}

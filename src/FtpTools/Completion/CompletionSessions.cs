using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace FtpTools.Completion
{
    /// <summary>
    /// The sessions an argument completer may use. A completer is handed no SessionState, but it runs on the pipeline thread of
    /// the runspace that completes (Runspace.DefaultRunspace), whose global registry variable holds its sessions.
    /// Only reads: completion never creates the registry.
    /// </summary>
    internal static class CompletionSessions
    {
        /// <summary>The open sessions of the completing runspace, oldest first; empty when it has none or cannot be read.</summary>
        public static IReadOnlyList<FtpSession> Open()
        {
            if (Runspace.DefaultRunspace is null) return new FtpSession[0];
            // A nested pipeline on the completing thread: the runspace's SessionStateProxy refuses calls while the completion's own pipeline runs.
            using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                shell.AddCommand("Get-Variable").AddParameter("Name", FtpSessionRegistry.VariableName).AddParameter("Scope", "Global")
                    .AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore");
                foreach (var value in shell.Invoke())
                {
                    if (value?.BaseObject is FtpSessionRegistry registry) return registry.Sessions;
                }
            }

            return new FtpSession[0];
        }

        /// <summary>
        /// The session a command being typed would use: its -Session when given (null when the value cannot be known while
        /// typing, such as a command in parentheses: no other server is listed in its place), else the latest session.
        /// </summary>
        public static FtpSession? ForCommand(IDictionary? fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Session"))
            {
                var given = fakeBoundParameters["Session"];
                if (given is PSObject wrapped) given = wrapped.BaseObject;
                return given as FtpSession;
            }

            var open = Open();
            return open.Count == 0 ? null : open[open.Count - 1];
        }
    }
}

using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
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
        /// The session a command being typed would use: its -Session when given, else the latest session. PowerShell hands
        /// over -Session only when it could evaluate it safely while typing (a variable, not a command in parentheses); a
        /// -Session it left out gives null, so no other server is listed in its place.
        /// </summary>
        public static FtpSession? ForCommand(IDictionary? fakeBoundParameters, CommandAst? commandAst)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Session"))
            {
                var given = fakeBoundParameters["Session"];
                if (given is PSObject wrapped) given = wrapped.BaseObject;
                return given as FtpSession;
            }

            if (NamesSessionParameter(commandAst)) return null;
            var open = Open();
            return open.Count == 0 ? null : open[open.Count - 1];
        }

        /// <summary>Whether the command line has -Session (or a shortening of it, such as -Sess).</summary>
        private static bool NamesSessionParameter(CommandAst? commandAst)
        {
            if (commandAst is null) return false;
            foreach (var element in commandAst.CommandElements)
            {
                if (element is CommandParameterAst parameter && parameter.ParameterName.Length >= 2
                    && "Session".StartsWith(parameter.ParameterName, System.StringComparison.OrdinalIgnoreCase))
                    return true;
            }

            return false;
        }
    }
}

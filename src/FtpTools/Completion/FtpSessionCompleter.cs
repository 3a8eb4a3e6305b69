using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace FtpTools.Completion
{
    /// <summary>
    /// Completes -Session with what evaluates to an open session: the variables that hold one ($s), then
    /// (Get-FtpSession -Id N) for each open session. Text typed cannot be converted to a session, so nothing else is offered.
    /// </summary>
    internal sealed class FtpSessionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            try
            {
                var typed = wordToComplete ?? string.Empty;
                foreach (var variable in SessionVariables())
                {
                    var text = "$" + variable.Name;
                    if (text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || variable.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                        results.Add(new CompletionResult(text, text, CompletionResultType.Variable, variable.Value?.ToString() ?? text));
                }

                foreach (var session in CompletionSessions.Open())
                {
                    var text = "(Get-FtpSession -Id " + session.Id.ToString(CultureInfo.InvariantCulture) + ")";
                    if (text.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                        results.Add(new CompletionResult(text, session.ToString(), CompletionResultType.ParameterValue, session.ToString()));
                }
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException || exception is StackOverflowException))
            {
                // Completion offers what it found so far; it never throws at the prompt.
            }

            return results;
        }

        /// <summary>The variables visible where the command is typed whose value is a session, by name.</summary>
        private static IEnumerable<PSVariable> SessionVariables()
        {
            if (Runspace.DefaultRunspace is null) return new PSVariable[0];
            using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                var found = new List<PSVariable>();
                foreach (var variable in shell.AddCommand("Get-Variable").Invoke<PSVariable>())
                {
                    var value = variable.Value is PSObject wrapped ? wrapped.BaseObject : variable.Value;
                    if (value is FtpSession) found.Add(variable);
                }

                found.Sort((a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase));
                return found;
            }
        }
    }
}

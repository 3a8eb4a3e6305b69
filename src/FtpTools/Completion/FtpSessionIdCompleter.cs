using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FtpTools.Completion
{
    /// <summary>Completes Get-FtpSession -Id with the ids of the open sessions; the menu and tooltip say which server each is.</summary>
    internal sealed class FtpSessionIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            try
            {
                foreach (var session in CompletionSessions.Open())
                {
                    var id = session.Id.ToString(CultureInfo.InvariantCulture);
                    if (id.StartsWith(wordToComplete ?? string.Empty, StringComparison.Ordinal))
                        results.Add(new CompletionResult(id, id + "  " + session.Protocol + "  " + session.ComputerName, CompletionResultType.ParameterValue, session.ToString()));
                }
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException || exception is StackOverflowException))
            {
                // Completion never throws at the prompt.
            }

            return results;
        }
    }
}

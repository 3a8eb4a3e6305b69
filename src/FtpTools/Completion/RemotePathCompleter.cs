using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FtpTools.Engine;
using FtpTools.Engine.Completion;

namespace FtpTools.Completion
{
    /// <summary>
    /// Completes remote paths from the session of the command being typed (RemotePathCompletion does the work). Without a
    /// session, or when the session cannot answer in time, it offers nothing: an empty list, which also keeps PowerShell from
    /// offering local file names in its place. It never throws and never prompts.
    /// </summary>
    internal abstract class RemotePathCompleter : IArgumentCompleter
    {
        private readonly bool wildcard;

        protected RemotePathCompleter(bool wildcard) => this.wildcard = wildcard;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var session = CompletionSessions.ForCommand(fakeBoundParameters, commandAst);
                if (session is null || !session.IsConnected) return new CompletionResult[0];
                var fileSystem = session.FileSystem;
                var completion = new RemotePathCompletion((directory, token) => fileSystem.ListDirectory(directory, token), session.CompletionCache);
                return completion.Complete(wordToComplete ?? string.Empty, fileSystem.CurrentDirectory, wildcard)
                    .Select(item => new CompletionResult(item.CompletionText, item.ListItemText,
                        item.IsFolder ? CompletionResultType.ProviderContainer : CompletionResultType.ProviderItem, item.FullName))
                    .ToList();
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException || exception is StackOverflowException))
            {
                return new CompletionResult[0];
            }
        }
    }
}

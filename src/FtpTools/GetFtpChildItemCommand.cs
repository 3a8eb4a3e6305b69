using System;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    [Cmdlet(VerbsCommon.Get, "FtpChildItem", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(FtpItem))]
    public sealed class GetFtpChildItemCommand : FtpPathSetsCmdlet
    {
        [Parameter(Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteWildcardPathCompleter))]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string[]? LiteralPath { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter]
        public SwitchParameter Recurse { get; set; }

        [Parameter]
        public uint Depth { get; set; } = uint.MaxValue;

        [Parameter]
        public SwitchParameter File { get; set; }

        [Parameter]
        public SwitchParameter Directory { get; set; }

        /// <summary>Shows hidden (dot-named) items, and walks into hidden folders with -Recurse.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            FtpWildcardPattern? filter = null;
            try
            {
                if (Filter != null) filter = new FtpWildcardPattern(Filter);
            }
            catch (ArgumentException exception)
            {
                ThrowInvalidArgument(exception.Message, Filter);
            }

            var literal = IsLiteralPath;
            var recurse = Recurse.IsPresent || MyInvocation.BoundParameters.ContainsKey(nameof(Depth));
            var maxDepth = recurse ? (int)Math.Min(Depth, int.MaxValue) : 0;

            foreach (var path in literal ? LiteralPath! : OrCurrentDirectory(UnlessPipedSession(Path)))
            {
                var isPattern = !literal && FtpWildcardPattern.ContainsWildcard(path);
                // A wildcard that itself starts with a dot ("/in/.*") asks for dot-named items.
                var showHidden = Force.IsPresent || (isPattern && FtpPath.GetName(path).StartsWith(".", StringComparison.Ordinal));
                TryItem(session, path, () =>
                {
                    foreach (var match in FindItems(session, path, literal))
                    {
                        if (isPattern && !showHidden && IsHidden(match.Name)) continue;
                        if (match.Type == FtpItemType.Directory && (!isPattern || recurse))
                        {
                            // A directory named literally shows its contents; a directory a wildcard matched shows itself (and its contents with -Recurse).
                            if (isPattern) Emit(match, filter, session);
                            foreach (var entry in CreateWalker(session, Force.IsPresent).Walk(match.FullName, maxDepth))
                            {
                                if (!Force.IsPresent && IsHidden(entry.Item.Name)) continue;
                                Emit(entry.Item, filter, session);
                            }
                        }
                        else
                        {
                            Emit(match, filter, session);
                        }
                    }
                });
            }
        }

        private void Emit(FtpListItem item, FtpWildcardPattern? filter, FtpSession session)
        {
            if (filter != null && !filter.IsMatch(item.Name)) return;
            var isDirectory = item.Type == FtpItemType.Directory;
            if (File.IsPresent && !Directory.IsPresent && isDirectory) return;
            if (Directory.IsPresent && !File.IsPresent && !isDirectory) return;
            WriteObject(ToFtpItem(item, session));
        }
    }
}

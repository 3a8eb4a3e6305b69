using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
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
                    if (isPattern)
                    {
                        ListMatches(session, RemotePathPattern.Parse(path, session.FileSystem.CurrentDirectory), showHidden, recurse, maxDepth, filter);
                        return;
                    }

                    // A directory named literally shows its contents.
                    foreach (var match in FindItems(session, path, literal))
                    {
                        if (match.Type == FtpItemType.Directory) ListContents(session, match.FullName, maxDepth, filter);
                        else Emit(match, filter, session);
                    }
                });
            }
        }

        /// <summary>
        /// The entries a wildcard matches, written as the listing streams in (in the server's order, not sorted); with -Recurse,
        /// then the contents of each folder matched.
        /// </summary>
        private void ListMatches(FtpSession session, RemotePathPattern pattern, bool showHidden, bool recurse, int maxDepth, FtpWildcardPattern? filter)
        {
            var matchedFolders = new List<string>();
            StreamDirectory(session, pattern.Directory!, item =>
            {
                if (!pattern.NamePattern!.IsMatch(item.Name) || (!showHidden && IsHidden(item.Name))) return;
                Emit(item, filter, session);
                if (recurse && item.Type == FtpItemType.Directory) matchedFolders.Add(item.FullName);
            });
            foreach (var folder in matchedFolders) ListContents(session, folder, maxDepth, filter);
        }

        /// <summary>A folder's entries (and with -Recurse its subfolders'), each written as its listing streams in.</summary>
        private void ListContents(FtpSession session, string folder, int maxDepth, FtpWildcardPattern? filter) =>
            CreateStreamingWalker(session, Force.IsPresent).Walk(folder, maxDepth, [MethodImpl(HotPath.Optimized)] (RemoteWalkEntry entry) =>
            {
                if (Force.IsPresent || !IsHidden(entry.Item.Name)) Emit(entry.Item, filter, session);
            });

        [MethodImpl(HotPath.Optimized)]
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

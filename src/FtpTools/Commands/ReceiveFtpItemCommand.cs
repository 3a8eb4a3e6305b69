using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Downloads. Items are gathered while the pipeline runs and transferred at its end, so the destination rule (folder or file name,
    /// TransferTargets) and the batch progress bar see every item, whether they came from -Path or from piped FtpItems.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "FtpItem", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class ReceiveFtpItemCommand : FtpPathSetsTransferCmdlet
    {
        private readonly List<KeyValuePair<FtpSession, FtpListItem>> sources = new List<KeyValuePair<FtpSession, FtpListItem>>();
        private DownloadRun? run;
        private bool sourcesMayVary;

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        [Parameter]
        public SwitchParameter Recurse { get; set; }

        [Parameter]
        [ValidateSet(nameof(FtpIfExists.Overwrite), nameof(FtpIfExists.Skip), nameof(FtpIfExists.Fail), nameof(FtpIfExists.Resume))]
        public FtpIfExists IfExists { get; set; } = FtpIfExists.Overwrite;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteWildcardPathCompleter))]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string[]? LiteralPath { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            run = new DownloadRun(this, IfExists, PassThru.IsPresent, CreateFilter(Recurse.IsPresent), ResolveLocalPath(Destination, "-Destination"));
        }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            foreach (var path in RequestedRemotePaths(Path, LiteralPath))
            {
                sourcesMayVary |= NamesItemsByPattern(path);
                TryItem(session, path, () =>
                {
                    foreach (var item in FindItems(session, path, IsLiteralPath))
                    {
                        if (item.Type == FtpItemType.Directory && !Recurse.IsPresent)
                            WriteItemError(session, new ArgumentException("'" + item.FullName + "' is a directory. Use -Recurse to download it with its contents."), item.FullName);
                        else
                            sources.Add(new KeyValuePair<FtpSession, FtpListItem>(session, item));
                    }
                });
            }
        }

        protected override void EndProcessing()
        {
            run!.Execute(run.Plan(sources, Destination, sourcesMayVary, session => CreateWalker(session)));
        }
    }
}

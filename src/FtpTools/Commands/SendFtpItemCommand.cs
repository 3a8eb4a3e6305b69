using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Uploads. Local items are resolved while the pipeline runs and sent at its end, so the destination rule (folder or file name)
    /// and the batch progress bar see every item, whether they came from -Path or from piped Get-ChildItem output.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "FtpItem", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FtpItem))]
    public sealed class SendFtpItemCommand : FtpPathSetsTransferCmdlet
    {
        private LocalUploadSources? sources;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RemoteLiteralPathCompleter))]
        public string? Destination { get; set; }

        [Parameter]
        public SwitchParameter Recurse { get; set; }

        [Parameter]
        public FtpIfExists IfExists { get; set; } = FtpIfExists.Overwrite;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter Atomic { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            sources = new LocalUploadSources(this, Recurse.IsPresent, WriteItemError);
        }

        protected override void ProcessRecord()
        {
            var session = CurrentSession;
            sources!.MayVary |= PathsFromPipeline;
            var paths = IsLiteralPath ? LiteralPath : UnlessPipedSession(Path);
            if (paths is null) WriteItemError(session, new ArgumentException("No -Path was given: a piped session names no local path."), null);
            else sources.Add(session, paths, IsLiteralPath);
        }

        protected override void EndProcessing()
        {
            var filter = CreateFilter(Recurse.IsPresent);
            var run = new UploadRun(this, IfExists, Atomic.IsPresent, PassThru.IsPresent);
            var plan = sources!.Sources.GroupBy(s => s.Key).SelectMany(group => run.PlanFor(group.Key, group.Select(s => s.Value).ToList(), filter, Destination, sources.MayVary)).ToList();
            if (Atomic.IsPresent && IfExists == FtpIfExists.Append)
                ThrowInvalidArgument("-Atomic cannot be combined with -IfExists Append: an atomic upload publishes a complete copy by renaming it over the final name.", null);
            run.Execute(plan);
        }
    }
}

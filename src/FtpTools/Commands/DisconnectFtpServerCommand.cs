using System.Management.Automation;

namespace FtpTools
{
    /// <summary>Ends sessions. Declares System.Void as its output type so every cmdlet states what it writes, even nothing.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "FtpServer")]
    [OutputType(typeof(void))]
    public sealed class DisconnectFtpServerCommand : FtpCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.FtpSessionCompleter))]
        public FtpSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            var sessions = Session ?? new[] { ResolveSession(null) };
            foreach (var session in sessions)
            {
                // Disconnect never throws for a connection that is already gone; the session leaves the registry either way.
                TryItem(session, session, () => session.FileSystem.Disconnect(CancellationToken));
                session.FileSystem.Dispose();
                Registry.Remove(session);
            }
        }
    }
}

namespace FtpTools.Completion
{
    /// <summary>For -LiteralPath and remote -Destination parameters: names are completed as they are.</summary>
    internal sealed class RemoteLiteralPathCompleter : RemotePathCompleter
    {
        public RemoteLiteralPathCompleter()
            : base(wildcard: false)
        {
        }
    }
}

namespace FtpTools.Completion
{
    /// <summary>For -Path parameters, which take wildcards: wildcard characters in completed names are escaped with a backtick.</summary>
    internal sealed class RemoteWildcardPathCompleter : RemotePathCompleter
    {
        public RemoteWildcardPathCompleter()
            : base(wildcard: true)
        {
        }
    }
}

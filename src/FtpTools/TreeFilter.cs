using System;
using System.Management.Automation;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>-Include and -Exclude of the transfer cmdlets (FtpTransferCmdlet): checked once, as a PathFilter over what -Recurse (or Sync-FtpItem) finds.</summary>
    internal static class TreeFilter
    {
        /// <summary>The filter; a terminating InvalidArgument error when a pattern is malformed or -Recurse is missing.</summary>
        public static PathFilter Create(Cmdlet cmdlet, bool recurse, string[]? include, string[]? exclude)
        {
            if (include is null && exclude is null) return PathFilter.None;
            if (!recurse)
                cmdlet.ThrowTerminatingError(FtpErrorRecords.InvalidArgument("-Include and -Exclude filter what -Recurse finds inside folders; add -Recurse, or name the files with -Path.", null));
            try
            {
                return new PathFilter(include, exclude);
            }
            catch (ArgumentException exception)
            {
                cmdlet.ThrowTerminatingError(FtpErrorRecords.InvalidArgument(exception.Message, null));
                throw;
            }
        }
    }
}

using System;
using System.Management.Automation;
using FtpTools.Engine.Files;
using FtpTools.Engine.Retrying;

namespace FtpTools
{
    /// <summary>
    /// -RetryCount and -RetryDelay of the transfer cmdlets (Send-FtpItem, Receive-FtpItem, Sync-FtpItem): each overrides the
    /// session's value (Connect-FtpServer) when given. Each retry and reconnect shows in -Verbose through Explained.
    /// </summary>
    internal static class RetryParameters
    {
        public const string RetryCountName = "RetryCount";
        public const string RetryDelayName = "RetryDelay";

        /// <summary>The session's policy, with what the command line gave for this command.</summary>
        public static RetryPolicy PolicyFor(PSCmdlet cmdlet, FtpSession session, int retryCount, int retryDelay)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            return session.Retry.With(
                bound.ContainsKey(RetryCountName) ? retryCount : (int?)null,
                bound.ContainsKey(RetryDelayName) ? TimeSpan.FromSeconds(retryDelay) : (TimeSpan?)null);
        }

        /// <summary>Adds "Retries" (how many times the file was tried again) to an object written for -PassThru.</summary>
        public static PSObject WithRetries(object output, LocalTransferResult result)
        {
            var wrapped = PSObject.AsPSObject(output);
            wrapped.Properties.Add(new PSNoteProperty("Retries", result.Retries));
            return wrapped;
        }
    }
}

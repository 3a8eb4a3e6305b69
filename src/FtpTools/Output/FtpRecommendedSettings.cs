using System.Collections;
using FtpTools.Engine.Diagnostics;

namespace FtpTools
{
    /// <summary>Test-FtpConnection's advice: Parameters splats into Connect-FtpServer (add -Credential yourself; it is never inside).</summary>
    public sealed class FtpRecommendedSettings
    {
        internal FtpRecommendedSettings(ProbeRecommendation recommendation)
        {
            Summary = recommendation.Summary;
            Parameters = new Hashtable();
            foreach (var pair in recommendation.ConnectParameters) Parameters[pair.Key] = pair.Value;
            CommandLine = ProbeReportText.CommandLine(recommendation.ConnectParameters);
        }

        public string Summary { get; }

        /// <summary>Connect-FtpServer parameters: $p = $t.Recommended.Parameters; Connect-FtpServer @p -Credential $c.</summary>
        public Hashtable Parameters { get; }

        /// <summary>The same as a command line to copy.</summary>
        public string CommandLine { get; }

        public override string ToString() => Summary;
    }
}

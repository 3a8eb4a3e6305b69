using System;
using System.Collections.Generic;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>The settings that worked best, as Connect-FtpServer parameters (never a credential).</summary>
    public sealed class ProbeRecommendation
    {
        public ProbeRecommendation(string summary, IReadOnlyList<KeyValuePair<string, object>> connectParameters)
        {
            Summary = summary ?? throw new ArgumentNullException(nameof(summary));
            ConnectParameters = connectParameters ?? throw new ArgumentNullException(nameof(connectParameters));
        }

        /// <summary>One line: "Explicit FTPS on port 21, EPSV (-DataConnection Auto)".</summary>
        public string Summary { get; }

        /// <summary>Connect-FtpServer parameter names and values, in the order a person would write them.</summary>
        public IReadOnlyList<KeyValuePair<string, object>> ConnectParameters { get; }

        public override string ToString() => Summary;
    }
}

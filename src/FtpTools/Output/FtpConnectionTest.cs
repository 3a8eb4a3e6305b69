using System;
using System.Linq;
using FtpTools.Engine;
using FtpTools.Engine.Diagnostics;

namespace FtpTools
{
    /// <summary>What Test-FtpConnection found. Its default view is the short report of ToReport().</summary>
    public sealed class FtpConnectionTest
    {
        private readonly ConnectionProbeReport report;

        internal FtpConnectionTest(ConnectionProbeReport report)
        {
            this.report = report;
            Attempts = report.Attempts.ToArray();
            Diagnosis = report.Diagnosis.ToArray();
            Recommended = report.Recommended is null ? null : new FtpRecommendedSettings(report.Recommended);
        }

        public string ComputerName => report.Host;

        public int Port => report.Port;

        public RemoteProtocol Protocol => report.Protocol;

        public bool Success => report.Success;

        public ProbeAttempt[] Attempts { get; }

        /// <summary>The sentences that matter: what to use, and why each failing combination failed.</summary>
        public string[] Diagnosis { get; }

        /// <summary>Null when nothing worked.</summary>
        public FtpRecommendedSettings? Recommended { get; }

        /// <summary>The whole run, every attempt included.</summary>
        public TimeSpan Elapsed => report.Elapsed;

        public string ToReport() => ProbeReportText.Format(report);

        public override string ToString() => ComputerName + ":" + Port + (Success ? " works" : " does not work");
    }
}

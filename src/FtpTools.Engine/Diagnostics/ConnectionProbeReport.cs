using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>Everything Test-FtpConnection found: each attempt, the sentences that matter and the settings to use.</summary>
    public sealed class ConnectionProbeReport
    {
        public ConnectionProbeReport(string host, int port, RemoteProtocol protocol, IReadOnlyList<ProbeAttempt> attempts, IReadOnlyList<string> diagnosis,
            IReadOnlyList<string> warnings, bool success, ProbeRecommendation? recommended, TimeSpan elapsed)
        {
            Host = host;
            Port = port;
            Protocol = protocol;
            Attempts = attempts;
            Diagnosis = diagnosis;
            Warnings = warnings;
            Success = success && recommended != null;
            Recommended = recommended;
            Elapsed = elapsed;
        }

        public string Host { get; }

        public int Port { get; }

        public RemoteProtocol Protocol { get; }

        /// <summary>True when some settings connected, logged in and listed over a real data connection (and, with Deep, moved a file both ways).</summary>
        public bool Success { get; }

        public IReadOnlyList<ProbeAttempt> Attempts { get; }

        public IReadOnlyList<string> Diagnosis { get; }

        /// <summary>Sentences the user must not miss (plain FTP recommended); the cmdlet writes them as warnings too.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public ProbeRecommendation? Recommended { get; }

        public TimeSpan Elapsed { get; }

        public IEnumerable<ProbeAttempt> Failures => Attempts.Where(attempt => !attempt.Success);
    }
}

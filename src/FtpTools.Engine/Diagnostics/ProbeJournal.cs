using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>Collects the attempts, the sentences that matter (each once, in order) and the warnings of one probe run.</summary>
    internal sealed class ProbeJournal
    {
        private readonly List<ProbeAttempt> attempts = new List<ProbeAttempt>();
        private readonly List<string> diagnosis = new List<string>();
        private readonly List<string> warnings = new List<string>();
        private readonly HashSet<string> causes = new HashSet<string>(StringComparer.Ordinal);
        private readonly Stopwatch total = Stopwatch.StartNew();
        private readonly RemoteProtocol protocol;

        public ProbeJournal(RemoteProtocol protocol) => this.protocol = protocol;

        public TimeSpan Elapsed => total.Elapsed;

        public IReadOnlyList<ProbeAttempt> Attempts => attempts;

        /// <param name="cause">when given, only the first attempt with this cause adds its sentence to the diagnosis (three closed passive ports say one thing)</param>
        public ProbeAttempt Add(string encryption, string dataConnection, ProbeStep step, bool success, int? replyCode, TimeSpan elapsed, string text, bool matters, string? cause = null)
        {
            var attempt = new ProbeAttempt(protocol, encryption, dataConnection, step, success, replyCode, elapsed, text);
            attempts.Add(attempt);
            if (matters && (cause is null || causes.Add(cause))) Note(text);
            return attempt;
        }

        public void Note(string sentence)
        {
            if (!diagnosis.Contains(sentence)) diagnosis.Add(sentence);
        }

        public void Lead(string sentence)
        {
            diagnosis.Remove(sentence);
            diagnosis.Insert(0, sentence);
        }

        public void Warn(string sentence)
        {
            Note(sentence);
            if (!warnings.Contains(sentence)) warnings.Add(sentence);
        }

        public ConnectionProbeReport Report(string host, int port, bool success, ProbeRecommendation? recommended) =>
            new ConnectionProbeReport(host, port, protocol, attempts.ToArray(), diagnosis.ToArray(), warnings.ToArray(), success, recommended, total.Elapsed);
    }
}

using System;
using FtpTools.Engine.Sftp;
using FtpTools.Engine.Sftp.HostKeys;
using Renci.SshNet.Common;

namespace FtpTools.Sftp
{
    /// <summary>
    /// Answers SSH.NET's HostKeyReceived with SshHostKeyPolicy's verdict and keeps it: a refusal is rethrown in place of
    /// SSH.NET's generic key-exchange error, and a first-seen key (AcceptNewHostKey) is written to the known-hosts file only
    /// once the key exchange completed, that is once the server proved it holds the key.
    /// </summary>
    internal sealed class HostKeyVerifier
    {
        private readonly SftpConnectionOptions options;
        private readonly SftpTrace trace;
        private volatile SshHostKeyDecision? decision;

        public HostKeyVerifier(SftpConnectionOptions options, SftpTrace trace)
        {
            this.options = options;
            this.trace = trace;
        }

        public SshHostKeyDecision? Decision => decision;

        public SftpHostKeyException? Refusal => decision?.Refusal;

        public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
        {
            var verdict = SshHostKeyPolicy.Evaluate(options, new SshHostKey(e.HostKey));
            decision = verdict;
            trace.Info(verdict.IsTrusted ? verdict.Explanation : "Host key refused: " + verdict.Explanation);
            e.CanTrust = verdict.IsTrusted;
        }

        /// <summary>Call once the key exchange is complete (authentication may still have failed).</summary>
        public void RecordIfNew()
        {
            var verdict = decision;
            if (verdict is null || !verdict.RecordInKnownHosts) return;
            KnownHostsFile.Append(options.KnownHostsFile!, options.Host, options.EffectivePort, verdict.Key);
            trace.Info("Recorded " + verdict.Key + " for " + KnownHostsFile.HostName(options.Host, options.EffectivePort) + " in " + options.KnownHostsFile + ".");
        }
    }
}

namespace FtpTools.Engine.Sftp.HostKeys
{
    /// <summary>The verdict on a host key: trusted (and why, and whether to record it), or refused with the exception to throw.</summary>
    public sealed class SshHostKeyDecision
    {
        private SshHostKeyDecision(SshHostKey key, SshHostKeyTrust? trust, bool recordInKnownHosts, string explanation, SftpHostKeyException? refusal)
        {
            Key = key;
            Trust = trust;
            RecordInKnownHosts = recordInKnownHosts;
            Explanation = explanation;
            Refusal = refusal;
        }

        public SshHostKey Key { get; }

        public bool IsTrusted => Trust.HasValue;

        public SshHostKeyTrust? Trust { get; }

        /// <summary>AcceptNewHostKey: the key is new and goes into the known-hosts file once the key exchange has proved the server holds it.</summary>
        public bool RecordInKnownHosts { get; }

        /// <summary>One line for the trace.</summary>
        public string Explanation { get; }

        public SftpHostKeyException? Refusal { get; }

        internal static SshHostKeyDecision Trusted(SshHostKey key, SshHostKeyTrust trust, string explanation, bool record = false) =>
            new SshHostKeyDecision(key, trust, record, explanation, null);

        internal static SshHostKeyDecision Refused(SshHostKey key, SftpHostKeyException refusal) =>
            new SshHostKeyDecision(key, null, false, refusal.Message, refusal);
    }
}

using System;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>One thing Test-FtpConnection tried and how it went.</summary>
    public sealed class ProbeAttempt
    {
        public ProbeAttempt(RemoteProtocol protocol, string encryption, string dataConnection, ProbeStep step, bool success, int? replyCode, TimeSpan elapsed, string diagnosis)
        {
            Protocol = protocol;
            Encryption = encryption ?? throw new ArgumentNullException(nameof(encryption));
            DataConnection = dataConnection ?? throw new ArgumentNullException(nameof(dataConnection));
            Step = step;
            Success = success;
            ReplyCode = replyCode;
            Elapsed = elapsed;
            Diagnosis = diagnosis ?? throw new ArgumentNullException(nameof(diagnosis));
        }

        public RemoteProtocol Protocol { get; }

        /// <summary>"Explicit", "Implicit", "None" (FTP), "SSH" (SFTP) or empty before the encryption matters.</summary>
        public string Encryption { get; }

        /// <summary>"EPSV", "PASV", "PASV (server's address)", "Active" or empty when no data connection was involved.</summary>
        public string DataConnection { get; }

        public ProbeStep Step { get; }

        public bool Success { get; }

        /// <summary>The FTP reply code that decided the attempt, when there was one.</summary>
        public int? ReplyCode { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>What happened, in plain words (for a failure: the likely cause and what to do).</summary>
        public string Diagnosis { get; }

        public override string ToString() =>
            Step + " " + (Success ? "ok" : "failed") + (Encryption.Length > 0 ? " [" + Encryption + (DataConnection.Length > 0 ? ", " + DataConnection : string.Empty) + "]" : string.Empty) + ": " + Diagnosis;
    }
}

using System;
using FtpTools.Engine;

namespace FtpTools.Sftp
{
    /// <summary>The session's trace sink; every line is Info (SFTP has no command text to echo). Never given a secret.</summary>
    internal sealed class SftpTrace
    {
        private readonly Action<FtpTraceEntry>? sink;

        public SftpTrace(Action<FtpTraceEntry>? sink)
        {
            this.sink = sink;
        }

        public void Info(string text) => sink?.Invoke(new FtpTraceEntry(FtpTraceDirection.Info, text));
    }
}

namespace FtpTools.Engine
{
    /// <summary>
    /// Which ports a 227/229 reply may send the client to. A privileged port (below 1024) is where a service such as SSH or
    /// SMTP listens, never an FTP data port: a hostile server could use the client to talk to it (a bounce from the inside).
    /// </summary>
    internal static class PassivePortPolicy
    {
        public const int LowestDataPort = 1024;

        public static void Check(int port, string command, FtpReply reply)
        {
            if (port >= LowestDataPort) return;
            throw new FtpProtocolException(
                "The server's " + command + " reply names port " + port + ", a privileged port (below " + LowestDataPort + ") where no FTP data connection is offered; "
                + "the client does not connect there: \"" + reply + "\".", FtpPhase.DataConnection, command, reply);
        }
    }
}

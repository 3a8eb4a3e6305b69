using System;
using System.Security;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Lab;

namespace FtpTools.Engine.Tests.Parallel
{
    /// <summary>Connections for the scheduler tests: a session-like slot on a lab server, or a slot whose extra connections go elsewhere.</summary>
    internal static class SchedulerLab
    {
        public static RemoteConnector Connector(string host, int port, string user = "ftptest", string password = "x")
        {
            var settings = new ConnectionSettings("ftp://" + host + ":" + port)
            {
                Encryption = FtpEncryption.None,
                UserName = user,
                Password = Secure(password),
                Timeout = TimeSpan.FromSeconds(10),
            };
            return new RemoteConnector(ConnectionPlan.From(settings), AppContext.BaseDirectory);
        }

        public static RemoteConnector Connector(LabServer server) => Connector(server.Host, server.Port, server.User, server.Password);

        /// <summary>A slot with its own connection to the lab server; extra connections go wherever extras points (default: the same server).</summary>
        public static RemoteConnectionSlot Slot(LabServer server, RemoteConnector? extras = null)
        {
            var own = Connector(server).Open(CancellationToken.None);
            return new RemoteConnectionSlot(extras ?? Connector(server), own);
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}

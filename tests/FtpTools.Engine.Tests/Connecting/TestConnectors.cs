using System;
using System.Security;
using FtpTools.Engine.Connecting;

namespace FtpTools.Engine.Tests.Connecting
{
    /// <summary>Connectors to 127.0.0.1 built from the settings Connect-FtpServer would pass, with a user and password (timeouts 5 s unless given).</summary>
    internal static class TestConnectors
    {
        public static RemoteConnector To(int port, string user, string password, FtpEncryption encryption = FtpEncryption.None, FtpDataConnectionMode dataConnection = FtpDataConnectionMode.Auto, TimeSpan? timeout = null)
        {
            var secure = new SecureString();
            foreach (var c in password) secure.AppendChar(c);
            var settings = new ConnectionSettings("127.0.0.1")
            {
                Port = port,
                Encryption = encryption,
                UserName = user,
                Password = secure,
                DataConnection = dataConnection,
                Timeout = timeout ?? TimeSpan.FromSeconds(5),
            };
            return new RemoteConnector(ConnectionPlan.From(settings), string.Empty);
        }
    }
}

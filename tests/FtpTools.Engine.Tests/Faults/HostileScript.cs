using System;
using System.Net;
using System.Text;
using System.Threading;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>Building blocks for scripted servers that misbehave on purpose.</summary>
    internal static class HostileScript
    {
        public const string FeatWithMlst = "211-Features:\r\n EPSV\r\n MLST type*;size*;modify*;\r\n UTF8\r\n SIZE\r\n MDTM\r\n211 End\r\n";

        public static FtpClient Client(ScriptedFtpServer server, Action<FtpClientOptions>? configure = null)
        {
            var options = new FtpClientOptions("127.0.0.1")
            {
                Port = server.Port,
                Encryption = FtpEncryption.None,
                Credential = new NetworkCredential("user", "secret"),
                ReadTimeout = TimeSpan.FromSeconds(5),
                DataTimeout = TimeSpan.FromSeconds(5),
            };
            configure?.Invoke(options);
            return new FtpClient(options);
        }

        public static FtpClient Connected(ScriptedFtpServer server, Action<FtpClientOptions>? configure = null)
        {
            var client = Client(server, configure);
            client.Connect(CancellationToken.None);
            return client;
        }

        /// <summary>EPSV on a fresh passive listener.</summary>
        public static string Epsv(ScriptedFtpServer.ScriptedSession session) => "229 Entering Extended Passive Mode (|||" + session.OpenPassive() + "|)\r\n";

        /// <summary>150, the data on the data connection, then 226.</summary>
        public static string Transfer(ScriptedFtpServer.ScriptedSession session, byte[] data, string preliminary = "150 Opening data connection\r\n")
        {
            session.Write(preliminary);
            session.SendData(data);
            return "226 Transfer complete\r\n";
        }

        public static string Transfer(ScriptedFtpServer.ScriptedSession session, string text) => Transfer(session, Encoding.UTF8.GetBytes(text));

        /// <summary>Writes text one byte at a time with a pause between bytes; stops quietly when the client has gone.</summary>
        public static void Drip(ScriptedFtpServer.ScriptedSession session, string text, TimeSpan pause)
        {
            foreach (var b in Encoding.ASCII.GetBytes(text))
            {
                session.Control.Write(new[] { b }, 0, 1);
                Thread.Sleep(pause);
            }
        }
    }
}

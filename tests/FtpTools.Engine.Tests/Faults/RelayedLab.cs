using System;
using System.IO;
using System.Net;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Tests.Connecting;
using FtpTools.Engine.Tests.Integration;
using FtpTools.Lab;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// A lab server with a FaultRelay in front, as the fault and retry tests use it: the relay, a random file on the server's
    /// disk, and a connected client or connection slot that reaches the server through the relay (EPSV, 127.0.0.1).
    /// </summary>
    internal static class RelayedLab
    {
        public static FaultRelay Relay(LabServer server, FaultRule? control = null, FaultRule? data = null) =>
            new FaultRelay(new IPEndPoint(IPAddress.Loopback, server.Port), control, data);

        /// <summary>A client with the lab's options for the server (its encryption and certificate pin), connected through the relay; configure changes the options first.</summary>
        public static FtpClient Client(LabServer server, FaultRelay relay, Action<FtpClientOptions>? configure = null)
        {
            var options = LabClients.Options(server, FtpDataConnectionMode.ExtendedPassive, "127.0.0.1");
            options.Port = relay.Port;
            configure?.Invoke(options);
            var client = new FtpClient(options);
            try
            {
                client.Connect(CancellationToken.None);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>Every read of a data connection reports progress (see SteppingClock), so a fault or a cancellation tied to a byte count lands there; no keep-alive NOOPs.</summary>
        public static void ProgressOnEveryRead(FtpClientOptions options)
        {
            options.Clock = new SteppingClock();
            options.KeepAliveInterval = TimeSpan.Zero;
        }

        /// <summary>A slot over plain FTP through the relay, opened as Connect-FtpServer opens a session's connection.</summary>
        public static RemoteConnectionSlot Slot(LabServer server, FaultRelay relay) =>
            RemoteConnectionSlot.Open(TestConnectors.To(relay.Port, server.User, server.Password, dataConnection: FtpDataConnectionMode.ExtendedPassive), CancellationToken.None);

        /// <summary>A file of random bytes (seeded by the label) in the server's root: "/prefix-label-xxxxxxxx.bin".</summary>
        public static (string RemotePath, byte[] Data) ServerFile(LabServer server, string prefix, string label, int length)
        {
            var data = new byte[length];
            new Random(label.Length).NextBytes(data);
            var remote = "/" + prefix + "-" + label + "-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".bin";
            File.WriteAllBytes(Path.Combine(server.RootDirectory, remote.TrimStart('/')), data);
            return (remote, data);
        }
    }
}

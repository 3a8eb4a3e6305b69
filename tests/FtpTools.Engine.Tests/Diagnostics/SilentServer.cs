using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace FtpTools.Engine.Tests.Diagnostics
{
    /// <summary>Accepts connections on 127.0.0.1 and says nothing (an implicit FTPS port as an explicit client sees it), or only banner.</summary>
    internal sealed class SilentServer : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly List<Socket> accepted = new List<Socket>();
        private readonly Thread thread;
        private readonly byte[] banner;

        public SilentServer(string banner = "")
        {
            this.banner = System.Text.Encoding.ASCII.GetBytes(banner);
            listener.Start();
            thread = new Thread(Serve) { IsBackground = true, Name = "silent-server" };
            thread.Start();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public void Dispose()
        {
            listener.Stop();
            thread.Join(TimeSpan.FromSeconds(5));
            lock (accepted)
            {
                foreach (var socket in accepted) socket.Dispose();
            }
        }

        private void Serve()
        {
            while (true)
            {
                try
                {
                    var socket = listener.AcceptSocket();
                    if (banner.Length > 0) socket.Send(banner);
                    lock (accepted) accepted.Add(socket);
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (InvalidOperationException)
                {
                    // Dispose stopped the listener between two accepts ("Not listening"); unhandled here it ended the test host.
                    return;
                }
            }
        }
    }
}

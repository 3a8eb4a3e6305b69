using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using Xunit;

namespace FtpTools.Engine.Tests.Net
{
    public class SocketConnectorTests
    {
        private const int GetStatusFlags = 3;
        private const int NonBlockingFlag = 0x800;

        [DllImport("libc", SetLastError = true)]
        private static extern int fcntl(IntPtr descriptor, int command, int argument);

        [Fact]
        public void A_connected_socket_is_left_blocking_so_synchronous_reads_go_straight_to_the_kernel()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
            using var listener = Listen(backlog: 8);
            using var socket = SocketConnector.Connect((IPEndPoint)listener.LocalEndPoint!, TimeSpan.FromSeconds(5), CancellationToken.None);
            using var accepted = listener.Accept();

            Assert.True(socket.Connected);
            Assert.True(socket.NoDelay);
            Assert.Equal(0, fcntl(socket.Handle, GetStatusFlags, 0) & NonBlockingFlag);
            accepted.Send(new byte[] { 42 });
            var buffer = new byte[1];
            Assert.Equal(1, socket.Receive(buffer));
            Assert.Equal(42, buffer[0]);
        }

        [Fact]
        public void A_refused_connection_is_a_socket_exception()
        {
            int port;
            using (var closed = Listen(backlog: 1)) port = ((IPEndPoint)closed.LocalEndPoint!).Port;

            var exception = Assert.Throws<SocketException>(() => SocketConnector.Connect(new IPEndPoint(IPAddress.Loopback, port), TimeSpan.FromSeconds(5), CancellationToken.None));
            Assert.Equal(SocketError.ConnectionRefused, exception.SocketErrorCode);
        }

        [Fact]
        public void A_server_that_never_answers_times_out()
        {
            using var silent = new SilentServer();
            var clock = Stopwatch.StartNew();

            Assert.Throws<TimeoutException>(() => SocketConnector.Connect(silent.EndPoint, TimeSpan.FromMilliseconds(300), CancellationToken.None));
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        }

        [Fact]
        public void Cancellation_stops_a_connect_that_waits()
        {
            using var silent = new SilentServer();
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var clock = Stopwatch.StartNew();

            Assert.ThrowsAny<OperationCanceledException>(() => SocketConnector.Connect(silent.EndPoint, TimeSpan.FromSeconds(30), cancellation.Token));
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
        }

        private static Socket Listen(int backlog)
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(backlog);
            return listener;
        }

        /// <summary>A listener whose accept queue is full: the kernel drops further SYNs, so a connect waits for an answer that never comes.</summary>
        private sealed class SilentServer : IDisposable
        {
            private readonly Socket listener = Listen(backlog: 0);
            private readonly List<Socket> queued = new List<Socket>();

            public SilentServer()
            {
                EndPoint = (IPEndPoint)listener.LocalEndPoint!;
                for (var i = 0; i < 4; i++)
                {
                    var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                    try
                    {
                        filler.Connect(EndPoint);
                    }
                    catch (SocketException)
                    {
                    }

                    queued.Add(filler);
                }

                Thread.Sleep(100);
            }

            public IPEndPoint EndPoint { get; }

            public void Dispose()
            {
                foreach (var socket in queued) socket.Dispose();
                listener.Dispose();
            }
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// A deliberately small, scripted FTP server on 127.0.0.1 for faults and bad input that real servers will not
    /// produce on demand. Each command line is answered by the script; everything received is recorded.
    /// </summary>
    internal sealed class ScriptedFtpServer : IDisposable
    {
        private readonly TcpListener listener;
        private readonly Func<string, ScriptedSession, string?> respond;
        private readonly Thread thread;
        private readonly string greeting;
        private readonly TimeSpan greetingDelay;
        private volatile bool stopping;
        private int connections;

        /// <param name="port">0: any free port.</param>
        public ScriptedFtpServer(Func<string, ScriptedSession, string?> respond, string greeting = "220 scripted server ready\r\n", TimeSpan greetingDelay = default, int port = 0)
        {
            listener = new TcpListener(IPAddress.Loopback, port);
            this.respond = respond;
            this.greeting = greeting;
            this.greetingDelay = greetingDelay;
            listener.Start();
            thread = new Thread(Serve) { IsBackground = true, Name = "scripted-ftp" };
            thread.Start();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public ConcurrentQueue<string> Received { get; } = new ConcurrentQueue<string>();

        /// <summary>The greeting of the n-th connection (counted from 1) instead of the fixed one: a server that is busy at first.</summary>
        public Func<int, string>? Greetings { get; set; }

        /// <summary>How many connections the server accepted.</summary>
        public int Connections => Volatile.Read(ref connections);

        public void Dispose()
        {
            stopping = true;
            listener.Stop();
            thread.Join(TimeSpan.FromSeconds(5));
        }

        /// <summary>A session's state the script can use: the raw stream and a passive data listener.</summary>
        internal sealed class ScriptedSession
        {
            public ScriptedSession(NetworkStream control) => Control = control;

            public NetworkStream Control { get; }

            public TcpListener? Passive { get; set; }

            public void Write(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                Control.Write(bytes, 0, bytes.Length);
            }

            /// <summary>Opens a passive listener and returns its port.</summary>
            public int OpenPassive()
            {
                Passive?.Stop();
                Passive = new TcpListener(IPAddress.Loopback, 0);
                Passive.Start();
                return ((IPEndPoint)Passive.LocalEndpoint).Port;
            }

            /// <summary>Accepts the client's data connection, sends the bytes and closes it.</summary>
            public void SendData(byte[] data)
            {
                using var client = Passive!.AcceptTcpClient();
                client.GetStream().Write(data, 0, data.Length);
            }
        }

        private void Serve()
        {
            while (!stopping)
            {
                TcpClient client;
                try
                {
                    client = listener.AcceptTcpClient();
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        var session = new ScriptedSession(stream);
                        var number = Interlocked.Increment(ref connections);
                        if (greetingDelay > TimeSpan.Zero) Thread.Sleep(greetingDelay);
                        session.Write(Greetings?.Invoke(number) ?? greeting);
                        var reader = new StreamReader(stream, Encoding.UTF8);
                        string? line;
                        while ((line = reader.ReadLine()) != null)
                        {
                            Received.Enqueue(line);
                            var answer = respond(line, session);
                            if (answer is null) break; // the script hangs up
                            if (answer.Length > 0) session.Write(answer);
                        }

                        session.Passive?.Stop();
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }

        /// <summary>The answers a well-behaved server gives during login; null for any other command, so scripts read Login(line) ?? ....</summary>
        public static string? Login(string line)
        {
            if (line.StartsWith("USER", StringComparison.Ordinal)) return "331 Password please\r\n";
            if (line.StartsWith("PASS", StringComparison.Ordinal)) return "230 Logged in\r\n";
            if (line == "FEAT") return "211-Features:\r\n EPSV\r\n UTF8\r\n211 End\r\n";
            if (line == "OPTS UTF8 ON") return "200 OK\r\n";
            if (line == "TYPE I") return "200 Binary\r\n";
            if (line == "SYST") return "215 UNIX Type: L8\r\n";
            if (line == "PWD") return "257 \"/\" is the current directory\r\n";
            if (line == "QUIT") return "221 Goodbye\r\n";
            return null;
        }
    }
}

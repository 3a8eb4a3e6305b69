using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FtpTools.Engine.Diagnostics;
using FtpTools.Engine.Tests.Faults;

namespace FtpTools.Engine.Tests.Diagnostics
{
    /// <summary>Scripted server answers for probe tests: a plain server without TLS whose data connection commands each test overrides.</summary>
    internal static class ProbeScripts
    {
        public const string Password = "probe-secret-6d1f";
        public const string ListingLine = "-rw-r--r-- 1 user group 5 Jan 01 2024 a.txt\r\n";

        public static ConnectionProbeOptions Options(int port) => new ConnectionProbeOptions("127.0.0.1")
        {
            Port = port,
            Credential = new NetworkCredential("user", Password),
            AttemptTimeout = TimeSpan.FromSeconds(1),
            GreetingTimeout = TimeSpan.FromSeconds(1),
        };

        /// <summary>EPSV, PASV and LIST that work; PORT/EPRT and anything else answered by otherwise (null: 502).</summary>
        public static string? Working(string line, ScriptedFtpServer.ScriptedSession session, Func<string, ScriptedFtpServer.ScriptedSession, string?>? otherwise = null)
        {
            var answer = otherwise?.Invoke(line, session);
            if (answer != null) return answer;
            if (line == "EPSV") return HostileScript.Epsv(session);
            if (line == "PASV") return Pasv(session, "127,0,0,1");
            if (line.StartsWith("LIST", StringComparison.Ordinal)) return HostileScript.Transfer(session, ListingLine);
            return ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n";
        }

        /// <summary>A 227 reply naming address (as "a,b,c,d") and the port of a fresh passive listener on 127.0.0.1.</summary>
        public static string Pasv(ScriptedFtpServer.ScriptedSession session, string address)
        {
            var port = session.OpenPassive();
            return string.Format(CultureInfo.InvariantCulture, "227 Entering Passive Mode ({0},{1},{2})\r\n", address, port / 256, port % 256);
        }

        /// <summary>A loopback port on which nothing listens (it was free a moment ago).</summary>
        public static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>STOR, RETR, MKD, DELE and RMD against files kept in memory, for -Deep.</summary>
        public static Func<string, ScriptedFtpServer.ScriptedSession, string?> FileStore(ConcurrentDictionary<string, byte[]> files) => (line, session) =>
        {
            var space = line.IndexOf(' ');
            var argument = space < 0 ? string.Empty : line.Substring(space + 1);
            if (line.StartsWith("MKD ", StringComparison.Ordinal)) return "257 \"" + argument + "\" created\r\n";
            if (line.StartsWith("RMD ", StringComparison.Ordinal) || line.StartsWith("DELE ", StringComparison.Ordinal))
            {
                files.TryRemove(argument, out _);
                return "250 Done\r\n";
            }

            if (line.StartsWith("RETR ", StringComparison.Ordinal))
                return files.TryGetValue(argument, out var stored) ? HostileScript.Transfer(session, stored) : "550 No such file\r\n";
            if (line.StartsWith("STOR ", StringComparison.Ordinal))
            {
                session.Write("150 Ok to send data\r\n");
                using var client = session.Passive!.AcceptTcpClient();
                using var received = new MemoryStream();
                client.GetStream().CopyTo(received);
                files[argument] = received.ToArray();
                return "226 Transfer complete\r\n";
            }

            return null;
        };

        public static string Join(ConnectionProbeReport report) => string.Join(" | ", report.Diagnosis) + Environment.NewLine + ProbeReportText.Format(report);

        public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
    }
}

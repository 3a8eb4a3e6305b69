using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// An explicit-FTPS server on 127.0.0.1 for one session, whose data connections may present another certificate than its
    /// control connection (what a host that took over the data port would do).
    /// </summary>
    internal sealed class TlsScriptedFtpServer : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly X509Certificate2 controlCertificate;
        private readonly X509Certificate2 dataCertificate;
        private readonly byte[] payload;
        private readonly Thread thread;

        public TlsScriptedFtpServer(X509Certificate2 controlCertificate, X509Certificate2 dataCertificate, byte[] payload)
        {
            this.controlCertificate = controlCertificate;
            this.dataCertificate = dataCertificate;
            this.payload = payload;
            listener.Start();
            thread = new Thread(Serve) { IsBackground = true, Name = "tls-scripted-ftp" };
            thread.Start();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        /// <summary>Set when the data connection's TLS handshake failed on the server's side (the client refused it).</summary>
        public bool DataHandshakeFailed { get; private set; }

        public static X509Certificate2 CreateCertificate(string name)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        }

        public void Dispose()
        {
            listener.Stop();
            thread.Join(TimeSpan.FromSeconds(5));
        }

        private void Serve()
        {
            try
            {
                using var client = listener.AcceptTcpClient();
                Stream stream = client.GetStream();
                TcpListener? passive = null;
                Write(stream, "220 tls scripted\r\n");
                string? line;
                while ((line = ReadLine(stream)) != null)
                {
                    if (line == "AUTH TLS")
                    {
                        Write(stream, "234 Proceed\r\n");
                        var tls = new SslStream(stream, false);
                        tls.AuthenticateAsServer(controlCertificate);
                        stream = tls;
                        continue;
                    }

                    if (line == "EPSV")
                    {
                        passive?.Stop();
                        passive = new TcpListener(IPAddress.Loopback, 0);
                        passive.Start();
                        Write(stream, "229 Entering Extended Passive Mode (|||" + ((IPEndPoint)passive.LocalEndpoint).Port + "|)\r\n");
                        continue;
                    }

                    if (line.StartsWith("RETR", StringComparison.Ordinal))
                    {
                        Write(stream, "150 Opening data connection\r\n");
                        Write(stream, SendData(passive!) ? "226 Done\r\n" : "426 Data connection failed\r\n");
                        continue;
                    }

                    var answer = ScriptedFtpServer.Login(line) ?? Answer(line);
                    Write(stream, answer);
                    if (line == "QUIT") break;
                }
            }
            catch (Exception exception) when (exception is IOException || exception is SocketException || exception is ObjectDisposedException || exception is System.Security.Authentication.AuthenticationException)
            {
            }
        }

        private bool SendData(TcpListener passive)
        {
            using var data = passive.AcceptTcpClient();
            try
            {
                using var tls = new SslStream(data.GetStream(), false);
                tls.AuthenticateAsServer(dataCertificate);
                tls.Write(payload, 0, payload.Length);
                return true;
            }
            catch (Exception exception) when (exception is IOException || exception is System.Security.Authentication.AuthenticationException)
            {
                DataHandshakeFailed = true;
                return false;
            }
        }

        private static string Answer(string line)
        {
            if (line == "FEAT") return "211-Features:\r\n AUTH TLS\r\n EPSV\r\n UTF8\r\n211 End\r\n";
            if (line.StartsWith("PBSZ", StringComparison.Ordinal) || line.StartsWith("PROT", StringComparison.Ordinal)) return "200 OK\r\n";
            if (line == "ABOR") return "225 No transfer to abort\r\n";
            return "502 Not implemented\r\n";
        }

        private static void Write(Stream stream, string text)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush();
        }

        /// <summary>One byte at a time, so nothing of a following TLS handshake is read ahead.</summary>
        private static string? ReadLine(Stream stream)
        {
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (stream.Read(one, 0, 1) == 0) return line.Length == 0 ? null : line.ToString();
                if (one[0] == '\n') return line.ToString().TrimEnd('\r');
                line.Append((char)one[0]);
            }
        }
    }
}

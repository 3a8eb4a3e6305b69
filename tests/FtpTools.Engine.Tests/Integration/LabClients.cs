using System;
using System.Net;
using System.Threading;
using FtpTools.Lab;

namespace FtpTools.Engine.Tests.Integration
{
    internal static class LabClients
    {
        public static FtpClientOptions Options(LabServer server, FtpDataConnectionMode mode = FtpDataConnectionMode.Auto, string? host = null)
        {
            var options = new FtpClientOptions(host ?? server.Host)
            {
                Port = server.Port,
                Encryption = server.Encryption switch
                {
                    LabEncryption.Explicit => FtpEncryption.Explicit,
                    LabEncryption.Implicit => FtpEncryption.Implicit,
                    _ => FtpEncryption.None,
                },
                DataConnectionMode = mode,
                Credential = new NetworkCredential(server.User, server.Password),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ReadTimeout = TimeSpan.FromSeconds(20),
                DataTimeout = TimeSpan.FromSeconds(20),
            };
            options.PinnedCertificateThumbprints.Add(server.CertificateSha256);
            // FTPTOOLS_TEST_TRACE=<file> appends every session's control conversation there, for diagnosing failures.
            var traceFile = Environment.GetEnvironmentVariable("FTPTOOLS_TEST_TRACE");
            if (!string.IsNullOrEmpty(traceFile))
            {
                var prefix = server.Name + "/" + mode + " ";
                options.Trace = entry => System.IO.File.AppendAllText(traceFile, DateTime.UtcNow.ToString("HH:mm:ss.fff ") + prefix + entry + Environment.NewLine);
            }

            return options;
        }

        public static FtpClient Connect(LabServer server, FtpDataConnectionMode mode = FtpDataConnectionMode.Auto, string? host = null, Action<FtpClientOptions>? configure = null)
        {
            var options = Options(server, mode, host);
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
    }
}

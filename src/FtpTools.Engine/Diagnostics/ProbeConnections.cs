using System;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Sftp;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>
    /// The engine options of one probe attempt, made by ConnectionPlan from the settings Connect-FtpServer would be given for it,
    /// so that what Test-FtpConnection tries and recommends is what Connect-FtpServer then does: the two cannot drift apart.
    /// The probe's own choices are the attempt's encryption, port, TLS versions and data connection, its timeout, and no keep-alive.
    /// </summary>
    internal static class ProbeConnections
    {
        public static FtpClientOptions Ftp(ConnectionProbeOptions options, FtpLoginSettings login, ProbeDataConnection? variant, Action<FtpTraceEntry>? trace)
        {
            var settings = Common(options, RemoteProtocol.Ftp, login.Port, trace);
            settings.Encryption = login.Encryption;
            settings.DataConnection = variant?.Mode ?? FtpDataConnectionMode.Auto;
            settings.UseServerPassiveAddress = variant?.UseServerPassiveAddress ?? false;
            settings.ActivePortRange = options.ActivePortRangeText;
            settings.ActiveExternalAddress = options.ActiveExternalAddress?.ToString();
            settings.SkipCertificateCheck = options.SkipCertificateValidation;
            foreach (var pin in options.PinnedCertificateThumbprints) settings.CertificateThumbprints.Add(pin);
            foreach (var name in TlsNames.ParameterValues(login.TlsProtocols)) settings.TlsProtocols.Add(name);
            return ConnectionPlan.From(settings).FtpOptions!;
        }

        /// <summary>SFTP with the probe's credential (a user name is required), pins and known_hosts file, on its effective port.</summary>
        public static SftpConnectionOptions Sftp(ConnectionProbeOptions options)
        {
            var settings = Common(options, RemoteProtocol.Sftp, options.EffectivePort, options.Trace);
            settings.KnownHostsFile = options.KnownHostsFile;
            foreach (var fingerprint in options.HostKeyFingerprints) settings.HostKeyFingerprints.Add(fingerprint);
            return ConnectionPlan.From(settings).SftpOptions!;
        }

        private static ConnectionSettings Common(ConnectionProbeOptions options, RemoteProtocol protocol, int port, Action<FtpTraceEntry>? trace)
        {
            var credential = options.Credential;
            return new ConnectionSettings(options.Host)
            {
                Protocol = protocol,
                Port = port,
                UserName = credential?.UserName,
                Password = credential?.SecurePassword,
                Timeout = options.AttemptTimeout,
                KeepAliveInterval = TimeSpan.Zero,
                Trace = trace,
            };
        }
    }
}

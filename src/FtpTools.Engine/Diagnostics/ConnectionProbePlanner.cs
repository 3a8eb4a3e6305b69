using System;
using System.Net;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>
    /// Test-FtpConnection's parameters, given as Connect-FtpServer gives them (ConnectionSettings), turned into probe options.
    /// The address, port, parameter and value rules are Connect-FtpServer's; the probe differs where it tries more than one
    /// connection: without -Encryption it tries every kind (an ftp:// address: plain FTP only, ftps://: both kinds of FTPS),
    /// a user named in the address is ignored, and SFTP may go without a user (the probe reports that it needs one).
    /// Plan throws ArgumentException, naming the parameter, before anything is sent.
    /// </summary>
    public static class ConnectionProbePlanner
    {
        public static ConnectionProbeOptions Plan(ConnectionSettings settings, bool deep)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            var address = ServerAddress.Parse(settings.ComputerName);
            var protocol = ChooseProtocol(address, settings.Protocol);
            var options = new ConnectionProbeOptions(address.Host)
            {
                Port = address.ChoosePort(settings.Port),
                Protocol = protocol,
                Encryption = settings.Encryption ?? (address.SchemeEncryption == FtpEncryption.None ? FtpEncryption.None : (FtpEncryption?)null),
                SkipCertificateValidation = settings.SkipCertificateCheck,
                TlsProtocols = TlsProtocolNames.ToSslProtocols(settings.TlsProtocols),
                AttemptTimeout = settings.Timeout,
                Deep = deep,
                KnownHostsFile = settings.KnownHostsFile,
                Trace = settings.Trace,
            };

            var refusal = ConnectionParameterRules.WhyRefused(protocol, settings.GivenParameters);
            if (refusal != null) throw new ArgumentException(refusal);

            // NetworkCredential keeps the whole user name (no DOMAIN\ split) and the password as a SecureString.
            if (settings.UserName != null) options.Credential = new NetworkCredential(settings.UserName, settings.Password);
            if (settings.ActivePortRange != null)
            {
                var range = ActivePortRange.Parse(settings.ActivePortRange);
                options.ActivePortMin = range.Low;
                options.ActivePortMax = range.High;
            }

            if (settings.ActiveExternalAddress != null) options.ActiveExternalAddress = ActiveExternalAddress.Parse(settings.ActiveExternalAddress);
            foreach (var thumbprint in settings.CertificateThumbprints) options.PinnedCertificateThumbprints.Add(CertificateThumbprint.Normalize(thumbprint));
            foreach (var fingerprint in settings.HostKeyFingerprints) options.HostKeyFingerprints.Add(fingerprint);
            return options;
        }

        private static RemoteProtocol ChooseProtocol(ServerAddress address, RemoteProtocol? parameter)
        {
            if (parameter is null) return address.Protocol;
            if (address.Scheme != null && address.Protocol != parameter)
                throw new ArgumentException("-ComputerName '" + address.Text + "' asks for " + address.Protocol.ToString().ToUpperInvariant() + ", but -Protocol is " + parameter + ".");
            return parameter.Value;
        }
    }
}

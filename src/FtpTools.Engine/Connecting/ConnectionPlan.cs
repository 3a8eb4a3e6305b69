using System;
using System.Net;
using System.Threading;
using FtpTools.Engine.Planning;
using FtpTools.Engine.Sftp;

namespace FtpTools.Engine.Connecting
{
    /// <summary>
    /// A checked connection request: the protocol, host, port and user, and the engine options of exactly one protocol.
    /// From throws ArgumentException, naming the parameter, for anything that cannot work, before anything is sent.
    /// </summary>
    public sealed class ConnectionPlan
    {
        private ConnectionPlan(RemoteProtocol protocol, string host, int port, string userName, FtpClientOptions? ftp, SftpConnectionOptions? sftp)
        {
            Protocol = protocol;
            Host = host;
            Port = port;
            UserName = userName;
            FtpOptions = ftp;
            SftpOptions = sftp;
        }

        public RemoteProtocol Protocol { get; }

        public string Host { get; }

        public int Port { get; }

        public string UserName { get; }

        /// <summary>For FTP and FTPS; null for SFTP.</summary>
        public FtpClientOptions? FtpOptions { get; }

        /// <summary>For SFTP; null for FTP.</summary>
        public SftpConnectionOptions? SftpOptions { get; }

        /// <summary>True when the password would cross the network unencrypted.</summary>
        public bool SendsPasswordInClearText => FtpOptions is FtpClientOptions ftp && ftp.Encryption == FtpEncryption.None && ftp.Credential != null;

        public static ConnectionPlan From(ConnectionSettings settings)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            var address = ServerAddress.Parse(settings.ComputerName);
            var protocol = ChooseProtocol(address, settings.Protocol);
            var refusal = ConnectionParameterRules.WhyRefused(protocol, settings.GivenParameters);
            if (refusal != null) throw new ArgumentException(refusal);
            var port = address.ChoosePort(settings.Port);
            return protocol == RemoteProtocol.Sftp ? ForSftp(settings, address, port) : ForFtp(settings, address, port);
        }

        /// <summary>Connects; the SFTP engine is loaded from moduleDirectory on first use. Failures are the FtpException family.</summary>
        public IRemoteFileSystem Connect(string moduleDirectory, CancellationToken cancellationToken)
        {
            if (SftpOptions != null) return SftpConnectorLoader.Load(moduleDirectory).Connect(SftpOptions, cancellationToken);
            var client = new FtpClient(FtpOptions!);
            try
            {
                client.Connect(cancellationToken);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        private static RemoteProtocol ChooseProtocol(ServerAddress address, RemoteProtocol? parameter)
        {
            if (parameter is null) return address.Protocol;
            if (address.Scheme != null && address.Protocol != parameter)
                throw new ArgumentException("-ComputerName '" + address.Text + "' asks for " + address.Protocol.ToString().ToUpperInvariant() + " (" + address.Scheme + "://), but -Protocol is " + parameter + ". Give the protocol once, or make them agree.");
            return parameter.Value;
        }

        private static ConnectionPlan ForFtp(ConnectionSettings settings, ServerAddress address, int port)
        {
            var encryption = address.ChooseEncryption(settings.Encryption);
            var hasCredential = settings.UserName != null;
            address.CheckUserName(settings.UserName, hasCredential);
            var options = new FtpClientOptions(address.Host)
            {
                Port = port,
                Encryption = encryption,
                DataConnectionMode = settings.DataConnection,
                UseServerPassiveAddress = settings.UseServerPassiveAddress,
                SkipCertificateValidation = settings.SkipCertificateCheck,
                ConnectTimeout = settings.Timeout,
                ReadTimeout = settings.Timeout,
                DataTimeout = settings.Timeout,
                KeepAliveInterval = settings.KeepAliveInterval,
                Trace = settings.Trace,
            };

            // NetworkCredential keeps the whole user name (no DOMAIN\ split: FTP has no domains) and the password as a SecureString.
            if (hasCredential) options.Credential = new NetworkCredential(settings.UserName, settings.Password);
            if (settings.ActivePortRange != null)
            {
                var range = ActivePortRange.Parse(settings.ActivePortRange);
                options.ActivePortMin = range.Low;
                options.ActivePortMax = range.High;
            }

            if (settings.ActiveExternalAddress != null) options.ActiveExternalAddress = ActiveExternalAddress.Parse(settings.ActiveExternalAddress);

            foreach (var thumbprint in settings.CertificateThumbprints) options.PinnedCertificateThumbprints.Add(CertificateThumbprint.Normalize(thumbprint));
            options.TlsProtocols = TlsProtocolNames.ToSslProtocols(settings.TlsProtocols);
            var userName = hasCredential && settings.UserName!.Length > 0 ? settings.UserName : "anonymous";
            return new ConnectionPlan(RemoteProtocol.Ftp, address.Host, options.EffectivePort, userName, options, null);
        }

        private static ConnectionPlan ForSftp(ConnectionSettings settings, ServerAddress address, int port)
        {
            // With a key, the user may come from the address alone (sftp://user@host); the credential, when given, must agree.
            var hasPassword = settings.Password != null && settings.Password.Length > 0;
            if (settings.UserName != null || settings.KeyFiles.Count == 0) address.CheckUserName(settings.UserName, settings.UserName != null);
            var userName = !string.IsNullOrEmpty(settings.UserName) ? settings.UserName! : address.UserName;
            if (string.IsNullOrEmpty(userName))
                throw new ArgumentException("SFTP needs a user name: give -Credential, or name the user in the address (sftp://user@" + address.Host + ").", "Credential");
            var options = new SftpConnectionOptions(address.Host, userName!)
            {
                Port = port,
                Password = hasPassword ? settings.Password : null,
                KnownHostsFile = settings.KnownHostsFile,
                AcceptNewHostKey = settings.AcceptNewHostKey,
                ConnectTimeout = settings.Timeout,
                OperationTimeout = settings.Timeout,
                KeepAliveInterval = settings.KeepAliveInterval,
                Trace = settings.Trace,
            };
            foreach (var keyFile in settings.KeyFiles) options.PrivateKeyFiles.Add(new SftpPrivateKeyFile(keyFile, settings.KeyPassphrase));
            foreach (var pin in settings.HostKeyFingerprints) options.HostKeyFingerprints.Add(pin);
            options.Validate();
            return new ConnectionPlan(RemoteProtocol.Sftp, address.Host, options.EffectivePort, userName!, null, options);
        }
    }
}

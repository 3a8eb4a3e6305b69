using System.Threading;
using FtpTools.Engine.Sftp;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>Runs the probe of the options' protocol.</summary>
    public static class ConnectionProbe
    {
        /// <summary>SFTP's engine is loaded from moduleDirectory first, unless the options bring a connector: FileNotFoundException when it is not installed.</summary>
        public static ConnectionProbeReport Run(ConnectionProbeOptions options, string moduleDirectory, CancellationToken cancellationToken)
        {
            if (options.Protocol != RemoteProtocol.Sftp) return new FtpConnectionProbe(options).Run(cancellationToken);
            if (options.SftpConnector is null) options.SftpConnector = SftpConnectorLoader.Load(moduleDirectory);
            return new SftpConnectionProbe(options).Run(cancellationToken);
        }
    }
}

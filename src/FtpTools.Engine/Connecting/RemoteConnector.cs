using System;
using System.Threading;

namespace FtpTools.Engine.Connecting
{
    /// <summary>
    /// Opens connections with one plan's settings (credentials, TLS verification and pins, host keys): the session's first one,
    /// the extra ones that parallel transfers use, and the replacement for a connection that dropped.
    /// </summary>
    public sealed class RemoteConnector
    {
        private readonly string moduleDirectory;

        public RemoteConnector(ConnectionPlan plan, string moduleDirectory)
        {
            Plan = plan ?? throw new ArgumentNullException(nameof(plan));
            this.moduleDirectory = moduleDirectory ?? throw new ArgumentNullException(nameof(moduleDirectory));
        }

        public ConnectionPlan Plan { get; }

        /// <summary>"host:port" of the server, for messages.</summary>
        public string Address => (Plan.Host.IndexOf(':') >= 0 ? "[" + Plan.Host + "]" : Plan.Host) + ":" + Plan.Port;

        /// <summary>A new, logged-in connection, in one attempt (ConnectRetry tries again). Failures are the FtpException family.</summary>
        public IRemoteFileSystem Open(CancellationToken cancellationToken) => Plan.Connect(moduleDirectory, cancellationToken);
    }
}

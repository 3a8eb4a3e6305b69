using System;
using System.Threading;
using FtpTools.Engine.Retrying;

namespace FtpTools.Engine.Connecting
{
    /// <summary>
    /// Opens a connection and, when that fails for a reason that may pass (TransientFailures.IsTransientWhenConnecting: refused,
    /// reset, timed out, 421, a TLS handshake cut off), tries again after the policy's back-off. Anything else fails at once.
    /// The error that ends it keeps its type, so its id and category stay the same; its Attempts says how often it was tried.
    /// </summary>
    public sealed class ConnectRetry
    {
        /// <param name="wait">The back-off wait (RetryWait.Sleep; tests step a clock instead); it must end at once when the token is cancelled.</param>
        /// <param name="retrying">Told, before each wait, what failed, which attempt it was and how long the wait is.</param>
        public ConnectRetry(RetryPolicy policy, Action<TimeSpan, CancellationToken> wait, Action<string>? retrying = null)
        {
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
            Wait = wait ?? throw new ArgumentNullException(nameof(wait));
            Retrying = retrying;
        }

        /// <summary>One attempt, no waiting: what a parallel transfer's extra connection and a transfer's own reconnect use (the transfer's retry loop owns the back-off).</summary>
        public static ConnectRetry Once { get; } = new ConnectRetry(RetryPolicy.None, RetryWait.Sleep);

        public RetryPolicy Policy { get; }

        public Action<TimeSpan, CancellationToken> Wait { get; }

        public Action<string>? Retrying { get; }

        /// <summary>A new, logged-in connection from connector. Failures are the FtpException family (and OperationCanceledException).</summary>
        public IRemoteFileSystem Open(RemoteConnector connector, CancellationToken cancellationToken)
        {
            if (connector is null) throw new ArgumentNullException(nameof(connector));
            var attempts = Policy.RetryCount + 1;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return connector.Open(cancellationToken);
                }
                catch (Exception exception) when (attempt < attempts && !cancellationToken.IsCancellationRequested && TransientFailures.IsTransientWhenConnecting(exception))
                {
                    var delay = Policy.DelayBefore(attempt);
                    Retrying?.Invoke("Connecting to " + connector.Address + " failed (attempt " + attempt + " of " + attempts + "): " + TransientFailures.Describe(exception)
                        + ". Trying again in " + delay.TotalSeconds + " s.");
                    Wait(delay, cancellationToken);
                }
                catch (FtpException exception) when (attempt > 1)
                {
                    exception.Attempts = attempt;
                    throw;
                }
            }
        }
    }
}

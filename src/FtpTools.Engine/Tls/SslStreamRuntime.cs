using System;
using System.IO;
using System.Net.Security;
using System.Reflection;
using System.Threading.Tasks;

namespace FtpTools.Engine
{
    /// <summary>
    /// SslStream members that exist at run time but not in the netstandard2.0 surface we compile against: ShutdownAsync
    /// (close_notify; .NET Framework 4.7+ and .NET Core 2.0+) and NegotiatedCipherSuite (.NET Core 3.0+ only: on .NET
    /// Framework the cipher is named by CipherAlgorithm and CipherStrength, e.g. "Aes256-256").
    /// </summary>
    internal static class SslStreamRuntime
    {
        private static readonly MethodInfo? ShutdownMethod = typeof(SslStream).GetMethod("ShutdownAsync", Type.EmptyTypes);
        private static readonly PropertyInfo? CipherSuiteProperty = typeof(SslStream).GetProperty("NegotiatedCipherSuite");

        /// <summary>Sends a TLS close_notify alert. Servers that require clean shutdown (vsftpd) otherwise report the upload as failed.</summary>
        public static void SendCloseNotify(SslStream stream, TimeSpan timeout)
        {
            if (ShutdownMethod is null) return;
            try
            {
                if (ShutdownMethod.Invoke(stream, null) is Task task && !task.Wait(timeout))
                    throw new IOException("Sending TLS close_notify timed out.");
            }
            catch (TargetInvocationException exception) when (exception.InnerException != null)
            {
                throw new IOException("Sending TLS close_notify failed: " + exception.InnerException.Message, exception.InnerException);
            }
            catch (AggregateException exception) when (exception.InnerException != null)
            {
                throw new IOException("Sending TLS close_notify failed: " + exception.InnerException.Message, exception.InnerException);
            }
        }

        public static string? NegotiatedCipherSuite(SslStream stream)
        {
            try
            {
                return CipherSuiteProperty?.GetValue(stream)?.ToString() ?? stream.CipherAlgorithm + "-" + stream.CipherStrength;
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }
    }
}

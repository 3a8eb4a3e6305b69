using System;

namespace FtpTools.Engine
{
    /// <summary>
    /// What a socket or TLS failure says in words: SslStream and NetworkStream wrap the cause ("Connection reset by peer")
    /// in "The read operation failed, see inner exception.", which tells an admin nothing; the innermost message is the cause.
    /// </summary>
    internal static class SocketFailureText
    {
        public static string Describe(Exception exception)
        {
            var innermost = exception;
            while (innermost.InnerException != null) innermost = innermost.InnerException;
            var message = innermost.Message.Trim();
            if (message.Length == 0) message = innermost.GetType().Name;
            return message.EndsWith(".", StringComparison.Ordinal) ? message.Substring(0, message.Length - 1) : message;
        }
    }
}

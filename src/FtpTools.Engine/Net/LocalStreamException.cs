using System;
using System.IO;

namespace FtpTools.Engine
{
    /// <summary>
    /// The local side of a transfer failed (disk full, a read error): not a network fault, so it is not reported as a broken
    /// connection nor as transient, and retrying the transfer as it is would fail the same way. The cmdlets map it as
    /// any IOException (FtpTools.TransferFailed, WriteError).
    /// </summary>
    public sealed class LocalStreamException : IOException
    {
        public LocalStreamException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        /// <summary>ENOSPC on Linux and macOS (the errno is the HResult there); ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
        public static bool IsDiskFull(Exception? exception) =>
            exception != null && (exception.HResult == 28 || (exception.HResult & 0xFFFF) == 112 || (exception.HResult & 0xFFFF) == 39);

        /// <summary>Runs a read or write on the local stream; an IOException from it becomes a LocalStreamException.</summary>
        internal static T Guard<T>(string what, Func<T> action)
        {
            try
            {
                return action();
            }
            catch (IOException exception) when (!(exception is LocalStreamException))
            {
                throw new LocalStreamException(what + " failed: " + exception.Message, exception);
            }
        }
    }
}

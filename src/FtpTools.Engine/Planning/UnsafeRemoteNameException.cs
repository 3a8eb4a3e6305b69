using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>A remote name that, used as a local file name, would write outside the destination folder.</summary>
    public sealed class UnsafeRemoteNameException : Exception
    {
        public UnsafeRemoteNameException(string remoteName, string reason)
            : base("The remote name '" + remoteName + "' was refused: " + reason + ". It would not stay inside the destination folder.")
        {
            RemoteName = remoteName;
            Reason = reason;
        }

        public string RemoteName { get; }

        public string Reason { get; }
    }
}

using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>A literal remote path that names nothing.</summary>
    public sealed class RemoteItemNotFoundException : Exception
    {
        public RemoteItemNotFoundException(string remotePath)
            : base("Cannot find the remote path '" + remotePath + "' because it does not exist.")
        {
            RemotePath = remotePath;
        }

        public string RemotePath { get; }
    }
}

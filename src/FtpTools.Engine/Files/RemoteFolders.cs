using System;
using System.IO;
using System.Threading;

namespace FtpTools.Engine.Files
{
    /// <summary>The remote folders an upload needs before its files.</summary>
    public static class RemoteFolders
    {
        /// <summary>
        /// Creates the folder (with its parents) unless it exists; returns false when mayCreate said no (-WhatIf, a "no" to -Confirm).
        /// Throws IOException when a file has that name.
        /// </summary>
        public static bool Ensure(IRemoteFileSystem fileSystem, string remotePath, Func<bool> mayCreate, CancellationToken cancellationToken)
        {
            var existing = fileSystem.GetItem(remotePath, cancellationToken);
            if (existing?.Type == FtpItemType.Directory) return true;
            if (existing != null) throw new IOException("Cannot create the remote folder '" + remotePath + "': a file has that name.");
            if (!mayCreate()) return false;
            fileSystem.CreateDirectory(remotePath, true, cancellationToken);
            return true;
        }
    }
}

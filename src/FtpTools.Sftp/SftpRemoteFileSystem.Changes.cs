using System;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace FtpTools.Sftp
{
    public sealed partial class SftpRemoteFileSystem
    {
        public void CreateDirectory(string path, bool createParents, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            if (target == "/") return;
            try
            {
                Run("mkdir", target, cancellationToken, () => client.CreateDirectory(target));
            }
            catch (SftpStatusException) when (createParents)
            {
                // Already there is success when parents are wanted (mkdir of an existing directory answers Failure).
                if (Stat(target, cancellationToken)?.IsDirectory == true) return;
                var parent = FtpPath.GetParent(target);
                if (parent == "/" || Stat(parent, cancellationToken) != null) throw;
                CreateDirectory(parent, true, cancellationToken);
                Run("mkdir", target, cancellationToken, () => client.CreateDirectory(target));
            }
        }

        public void DeleteFile(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            var entry = RequireEntry(target, "remove", cancellationToken);
            if (entry.IsDirectory)
                throw new SftpStatusException("SFTP remove " + target + ": it is a directory; remove it as a directory.", SftpStatus.Failure, "remove " + target, target);
            Run("remove", target, cancellationToken, () => entry.Delete());
        }

        public void RemoveDirectory(string path, bool recursive, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            var entry = RequireEntry(target, "rmdir", cancellationToken);
            if (!entry.IsDirectory)
                throw new SftpStatusException("SFTP rmdir " + target + ": not a directory" + (entry.IsSymbolicLink ? " (a symbolic link; remove it as a file)." : "."), SftpStatus.Failure, "rmdir " + target, target);
            Remove(entry, target, recursive, cancellationToken);
        }

        public void Rename(string fromPath, string toPath, CancellationToken cancellationToken)
        {
            var source = ResolvePath(fromPath);
            var destination = ResolvePath(toPath);
            var entry = RequireEntry(source, "rename", cancellationToken);
            Run("rename", source, cancellationToken, () => entry.MoveTo(destination));
        }

        /// <summary>
        /// posix-rename@openssh.com where the server offers it (one step, replacing the target); otherwise SSH_FXP_RENAME, which
        /// fails on an existing target (OpenSSH's internal-sftp), after removing the target.
        /// </summary>
        public void RenameReplacing(string fromPath, string toPath, CancellationToken cancellationToken)
        {
            var source = ResolvePath(fromPath);
            var destination = ResolvePath(toPath);
            var renamed = Run("posix-rename", source, cancellationToken, () =>
            {
                try
                {
                    client.RenameFile(source, destination, true);
                    return true;
                }
                catch (NotSupportedException)
                {
                    // SSH.NET checks the server's extensions before sending anything.
                    return false;
                }
            });
            if (renamed) return;
            trace.Info("The server does not offer posix-rename@openssh.com: removing " + destination + " before renaming over it.");
            if (FindEntry(destination, cancellationToken) is ISftpFile existing && !existing.IsDirectory)
                Run("remove", destination, cancellationToken, () => existing.Delete());
            Rename(source, destination, cancellationToken);
        }

        /// <summary>SETSTAT with the modification time (SFTP v3 keeps whole seconds; the access time stays as it was).</summary>
        public void SetModifiedTime(string path, DateTimeOffset time, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            Run("setstat", target, cancellationToken, () => client.SetLastWriteTimeUtc(target, time.UtcDateTime));
        }

        /// <summary>
        /// Children first, each through its own listing entry, so a symbolic link inside is removed as the link and never
        /// followed into the directory it points to. relativePath is the caller's path, for messages.
        /// </summary>
        private void Remove(ISftpFile directory, string shownPath, bool recursive, CancellationToken cancellationToken)
        {
            if (recursive)
            {
                foreach (var child in ReadDirectory(directory.FullName, cancellationToken))
                {
                    var childPath = FtpPath.Combine(shownPath, child.Name);
                    if (child.IsDirectory) Remove(child, childPath, true, cancellationToken);
                    else Run("remove", childPath, cancellationToken, () => child.Delete());
                }
            }

            Run("rmdir", shownPath, cancellationToken, () => directory.Delete());
        }

        private ISftpFile RequireEntry(string target, string request, CancellationToken cancellationToken) =>
            FindEntry(target, cancellationToken) ?? throw SftpErrors.Map(new SftpPathNotFoundException("No such file"), request, target);
    }
}

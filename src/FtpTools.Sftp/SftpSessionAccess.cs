using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace FtpTools.Sftp
{
    /// <summary>
    /// Two read-only SFTP requests that SSH.NET implements but does not make public: READLINK (a link's target) and LSTAT
    /// of a path exactly as given (SftpClient's own calls first pass every path through REALPATH, which follows links and,
    /// for a dangling link, fails). They are reached by reflection on the SSH.NET version shipped in our private folder
    /// (2026.0.0). If a later version moves them, IsAvailable turns false: links are listed without targets and items are
    /// looked up through the public calls (a dangling link then reads as missing); the trace says so once, and a test pins it.
    /// </summary>
    internal sealed class SftpSessionAccess
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        private readonly object? session;
        private readonly MethodInfo? readLink;
        private readonly MethodInfo? lstat;

        public SftpSessionAccess(SftpClient client)
        {
            session = typeof(SftpClient).GetField("_sftpSession", Instance)?.GetValue(client);
            var type = session?.GetType();
            readLink = type?.GetMethod("RequestReadLink", Instance, null, new[] { typeof(string), typeof(bool) }, null);
            lstat = type?.GetMethod("RequestLStat", Instance, null, new[] { typeof(string) }, null);
            if (lstat != null && lstat.ReturnType != typeof(SftpFileAttributes)) lstat = null;
        }

        public bool IsAvailable => readLink != null && lstat != null;

        /// <summary>The target as the server stores it (relative or absolute); null when unknown.</summary>
        public string? ReadLink(string path)
        {
            if (readLink is null) return null;
            if (Invoke(readLink, path, true) is IEnumerable names)
                foreach (var name in names)
                    if (name is KeyValuePair<string, SftpFileAttributes> pair) return pair.Key;
            return null;
        }

        /// <summary>The attributes of path itself (a link is the link); null when nothing is there. Throws NotSupportedException when unavailable.</summary>
        public SftpFileAttributes? LStat(string path)
        {
            if (lstat is null) throw new NotSupportedException("LSTAT is not reachable in this SSH.NET.");
            try
            {
                return (SftpFileAttributes?)Invoke(lstat, path);
            }
            catch (SftpPathNotFoundException)
            {
                return null;
            }
        }

        private object? Invoke(MethodInfo method, params object[] arguments)
        {
            try
            {
                return method.Invoke(session, arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
        }
    }
}

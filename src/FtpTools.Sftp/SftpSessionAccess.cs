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
        private readonly MethodInfo? openDirectory;
        private readonly MethodInfo? readDirectory;
        private readonly MethodInfo? close;

        public SftpSessionAccess(SftpClient client)
        {
            session = typeof(SftpClient).GetField("_sftpSession", Instance)?.GetValue(client);
            var type = session?.GetType();
            readLink = type?.GetMethod("RequestReadLink", Instance, null, new[] { typeof(string), typeof(bool) }, null);
            lstat = type?.GetMethod("RequestLStat", Instance, null, new[] { typeof(string) }, null);
            if (lstat != null && lstat.ReturnType != typeof(SftpFileAttributes)) lstat = null;
            openDirectory = type?.GetMethod("RequestOpenDir", Instance, null, new[] { typeof(string) }, null);
            readDirectory = type?.GetMethod("RequestReadDir", Instance, null, new[] { typeof(byte[]) }, null);
            close = type?.GetMethod("RequestClose", Instance, null, new[] { typeof(byte[]) }, null);
            if (openDirectory?.ReturnType != typeof(byte[]) || readDirectory?.ReturnType != typeof(KeyValuePair<string, SftpFileAttributes>[])) openDirectory = readDirectory = null;
        }

        /// <summary>
        /// Whether a directory can be read one READDIR batch at a time. SftpClient.ListDirectory reads every batch into one list
        /// before it returns (so does its IAsyncEnumerable twin's synchronous use); these requests are what it uses inside.
        /// </summary>
        public bool CanReadDirectoryInBatches => openDirectory != null && readDirectory != null && close != null;

        /// <summary>OPENDIR: a handle to pass to ReadDirectoryBatch and CloseHandle.</summary>
        public byte[] OpenDirectory(string path) => (byte[])Invoke(openDirectory ?? throw new NotSupportedException("OPENDIR is not reachable in this SSH.NET."), path)!;

        /// <summary>One READDIR answer (OpenSSH sends about a hundred entries per batch); null at the end of the directory.</summary>
        public KeyValuePair<string, SftpFileAttributes>[]? ReadDirectoryBatch(byte[] handle) =>
            (KeyValuePair<string, SftpFileAttributes>[]?)Invoke(readDirectory ?? throw new NotSupportedException("READDIR is not reachable in this SSH.NET."), handle);

        public void CloseHandle(byte[] handle) => Invoke(close ?? throw new NotSupportedException("CLOSE is not reachable in this SSH.NET."), handle);

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

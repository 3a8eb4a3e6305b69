using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Renci.SshNet;

namespace FtpTools.Sftp
{
    /// <summary>
    /// Reads link targets (SSH_FXP_READLINK). SSH.NET implements the request but does not make it public, so it is reached
    /// by reflection on the SSH.NET version this assembly ships with (2026.0.0, private to our folder); if a later version
    /// moves it, listings go on without link targets and the trace says so once. A test pins the behaviour.
    /// </summary>
    internal sealed class SymbolicLinkReader
    {
        private readonly object? session;
        private readonly MethodInfo? readLink;

        public SymbolicLinkReader(SftpClient client)
        {
            const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            session = typeof(SftpClient).GetField("_sftpSession", Instance)?.GetValue(client);
            readLink = session?.GetType().GetMethod("RequestReadLink", Instance, null, new[] { typeof(string), typeof(bool) }, null);
        }

        public bool IsAvailable => readLink != null;

        /// <summary>The target as the server stores it (relative or absolute); null when unknown.</summary>
        public string? Read(string path)
        {
            if (readLink is null) return null;
            try
            {
                if (readLink.Invoke(session, new object[] { path, true }) is IEnumerable names)
                    foreach (var name in names)
                        if (name is KeyValuePair<string, Renci.SshNet.Sftp.SftpFileAttributes> pair) return pair.Key;
                return null;
            }
            catch (TargetInvocationException exception)
            {
                throw exception.InnerException ?? exception;
            }
        }
    }
}

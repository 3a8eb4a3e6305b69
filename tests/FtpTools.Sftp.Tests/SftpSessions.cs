using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security;
using System.Threading;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using FtpTools.Lab;

namespace FtpTools.Sftp.Tests
{
    /// <summary>Connections to the lab's sshd the way the module will make them.</summary>
    internal static class SftpSessions
    {
        public static SftpConnectionOptions Options(LabServer server, Action<SftpConnectionOptions>? configure = null, bool withPassword = true, bool pinned = true)
        {
            var options = new SftpConnectionOptions(server.Host, server.User)
            {
                Port = server.Port,
                Password = withPassword ? Secure(server.Password) : null,
                ConnectTimeout = TimeSpan.FromSeconds(20),
                OperationTimeout = TimeSpan.FromSeconds(30),
            };
            if (pinned)
                foreach (var key in server.Ssh!.HostKeys) options.HostKeyFingerprints.Add(key.Fingerprint);
            configure?.Invoke(options);
            return options;
        }

        public static ISftpFileSystem Connect(LabServer server, Action<SftpConnectionOptions>? configure = null, bool withPassword = true, bool pinned = true) =>
            new SftpConnector().Connect(Options(server, configure, withPassword, pinned), CancellationToken.None);

        public static SftpPrivateKeyFile Key(LabServer server, string name, string? passphrase = "from lab")
        {
            var key = server.Ssh!.ClientKeys.Single(k => k.Name == name);
            var secret = passphrase == "from lab" ? key.Passphrase : passphrase;
            return new SftpPrivateKeyFile(key.Path, secret is null ? null : Secure(secret));
        }

        public static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

        /// <summary>A fresh folder under the server's root, on disk and by its remote path.</summary>
        public static (string Local, string Remote) NewFolder(LabServer server, string label)
        {
            var name = label + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var local = Path.Combine(server.RootDirectory, name);
            Directory.CreateDirectory(local);
            LabFiles.GiveToLabUser(local);
            return (local, FtpPath.Combine(server.RemoteRootDirectory, name));
        }
    }

    internal static class LabFiles
    {
        /// <summary>Files the tests create on the server's disk belong to the lab user, as if uploaded.</summary>
        public static void GiveToLabUser(string path)
        {
            var passwd = File.ReadAllLines("/etc/passwd").Select(line => line.Split(':')).First(fields => fields[0] == "ftptest");
            if (Chown(path, int.Parse(passwd[2]), int.Parse(passwd[3])) != 0) throw new IOException("chown " + path);
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "chown", SetLastError = true)]
        private static extern int Chown([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int owner, int group);
    }
}

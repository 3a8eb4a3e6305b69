using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace FtpTools.Engine.Sftp.HostKeys
{
    /// <summary>An OpenSSH known_hosts file, read whole (plain and hashed host names, @revoked; @cert-authority lines are ignored).</summary>
    public sealed class KnownHostsFile
    {
        private KnownHostsFile(string path, bool exists, IReadOnlyList<KnownHostsEntry> entries)
        {
            Path = path;
            Exists = exists;
            Entries = entries;
        }

        public string Path { get; }

        public bool Exists { get; }

        public IReadOnlyList<KnownHostsEntry> Entries { get; }

        /// <summary>A missing file reads as empty, as in OpenSSH.</summary>
        public static KnownHostsFile Load(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (!File.Exists(path)) return new KnownHostsFile(path, false, Array.Empty<KnownHostsEntry>());
            return Parse(path, File.ReadAllLines(path));
        }

        public static KnownHostsFile Parse(string path, IEnumerable<string> lines)
        {
            var entries = new List<KnownHostsEntry>();
            var number = 0;
            foreach (var line in lines)
            {
                number++;
                var entry = KnownHostsEntry.TryParse(line, number);
                if (entry != null && entry.Marker != KnownHostsMarker.CertAuthority) entries.Add(entry);
            }

            return new KnownHostsFile(path, true, entries);
        }

        /// <summary>How OpenSSH names a host in known_hosts: "host" on port 22, "[host]:port" on any other.</summary>
        public static string HostName(string host, int port)
        {
            if (host is null) throw new ArgumentNullException(nameof(host));
            var bare = host.Trim().TrimStart('[').TrimEnd(']').ToLowerInvariant();
            return port == SftpConnectionOptions.DefaultPort ? bare : "[" + bare + "]:" + port.ToString(CultureInfo.InvariantCulture);
        }

        public static string FormatLine(string host, int port, SshHostKey key) => HostName(host, port) + " " + key.Type + " " + key.Base64;

        /// <summary>The entries naming the host (revoked ones included).</summary>
        public IReadOnlyList<KnownHostsEntry> EntriesFor(string host, int port)
        {
            var name = HostName(host, port);
            return Entries.Where(entry => entry.MatchesHost(name)).ToList();
        }

        /// <summary>The key types the file knows for the host, so the client can ask for one of those first.</summary>
        public IReadOnlyList<string> KeyTypesFor(string host, int port) =>
            EntriesFor(host, port).Where(entry => entry.Marker == KnownHostsMarker.None).Select(entry => entry.Key.Type).Distinct().ToList();

        public KnownHostsLookup Lookup(string host, int port, SshHostKey key)
        {
            var revoked = Entries.FirstOrDefault(entry => entry.Marker == KnownHostsMarker.Revoked && entry.Key.SameKeyAs(key));
            if (revoked != null) return new KnownHostsLookup(KnownHostsStatus.Revoked, revoked);
            var forHost = EntriesFor(host, port).Where(entry => entry.Marker == KnownHostsMarker.None).ToList();
            var same = forHost.FirstOrDefault(entry => entry.Key.SameKeyAs(key));
            if (same != null) return new KnownHostsLookup(KnownHostsStatus.Known, same);
            var sameType = forHost.FirstOrDefault(entry => entry.Key.Type == key.Type);
            if (sameType != null) return new KnownHostsLookup(KnownHostsStatus.Changed, sameType);
            if (forHost.Count > 0) return new KnownHostsLookup(KnownHostsStatus.OtherKeyTypeKnown, forHost[0]);
            return new KnownHostsLookup(KnownHostsStatus.NotFound, null);
        }

        /// <summary>Appends "host key-type base64" (the folder and file are created when missing), starting a new line if the file does not end with one.</summary>
        public static void Append(string path, string host, int port, SshHostKey key)
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read))
            {
                var needsNewLine = false;
                if (stream.Length > 0)
                {
                    stream.Seek(-1, SeekOrigin.End);
                    needsNewLine = stream.ReadByte() != '\n';
                }

                stream.Seek(0, SeekOrigin.End);
                var bytes = new UTF8Encoding(false).GetBytes((needsNewLine ? "\n" : string.Empty) + FormatLine(host, port, key) + "\n");
                stream.Write(bytes, 0, bytes.Length);
            }
        }
    }

    public enum KnownHostsStatus
    {
        NotFound,
        Known,
        Changed,
        OtherKeyTypeKnown,
        Revoked,
    }

    /// <summary>What a known_hosts file says about one host key; Entry is the line that decided it.</summary>
    public sealed class KnownHostsLookup
    {
        public KnownHostsLookup(KnownHostsStatus status, KnownHostsEntry? entry)
        {
            Status = status;
            Entry = entry;
        }

        public KnownHostsStatus Status { get; }

        public KnownHostsEntry? Entry { get; }
    }
}

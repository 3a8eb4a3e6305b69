using System;
using System.Globalization;
using System.Linq;

namespace FtpTools.Engine.Sftp.HostKeys
{
    /// <summary>
    /// Decides whether to trust a server's host key; pure apart from reading the known-hosts file. A matching pin or a
    /// known_hosts entry trusts it. A key that the known-hosts file contradicts (changed, revoked, only other types known) or
    /// that differs from every pin is refused even with AcceptNewHostKey; a key nothing says anything about is recorded with
    /// AcceptNewHostKey and refused without it. Never a prompt.
    /// </summary>
    public static class SshHostKeyPolicy
    {
        public static SshHostKeyDecision Evaluate(SftpConnectionOptions options, SshHostKey key)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            if (key is null) throw new ArgumentNullException(nameof(key));
            var host = options.Host;
            var port = options.EffectivePort;
            var pins = options.HostKeyFingerprints.Select(SshFingerprint.Parse).ToList();
            if (pins.Contains(key.Fingerprint, StringComparer.Ordinal))
                return SshHostKeyDecision.Trusted(key, SshHostKeyTrust.Pinned, "Host key " + key + " matches a pinned fingerprint.");

            KnownHostsLookup? lookup = null;
            KnownHostsFile? file = null;
            if (!string.IsNullOrEmpty(options.KnownHostsFile))
            {
                file = KnownHostsFile.Load(options.KnownHostsFile!);
                lookup = file.Lookup(host, port, key);
                switch (lookup.Status)
                {
                    case KnownHostsStatus.Known:
                        return SshHostKeyDecision.Trusted(key, SshHostKeyTrust.KnownHosts, "Host key " + key + " found in " + file.Path + " line " + Line(lookup) + ".");
                    case KnownHostsStatus.Changed:
                        return Refuse(key, options, SshHostKeyProblem.Changed,
                            "WARNING: the host key of " + Where(options) + " has CHANGED. " + file.Path + " line " + Line(lookup) + " holds a different " + key.Type
                            + " key for it (" + lookup.Entry!.Key.Fingerprint + "); the server now presents " + key.Fingerprint + ". Someone may be intercepting the connection, or the server's key was replaced. "
                            + "The connection was refused. If the change is expected, remove that line (ssh-keygen -R '" + KnownHostsFile.HostName(host, port) + "' -f '" + file.Path
                            + "') or pin the new key with -HostKeyFingerprint '" + key.Fingerprint + "'.");
                    case KnownHostsStatus.Revoked:
                        return Refuse(key, options, SshHostKeyProblem.Revoked,
                            "The host key of " + Where(options) + " (" + key.Type + " " + key.Fingerprint + ") is marked @revoked in " + file.Path + " line " + Line(lookup) + ". The connection was refused.");
                    case KnownHostsStatus.OtherKeyTypeKnown:
                        return Refuse(key, options, SshHostKeyProblem.OtherKeyTypeKnown,
                            "The host key of " + Where(options) + " (" + key.Type + " " + key.Fingerprint + ") is not in " + file.Path + ", which holds a key of another type for it ("
                            + lookup.Entry!.Key.Type + ", line " + Line(lookup) + "). The server may have replaced its keys, or someone may be intercepting the connection; it is not recorded. "
                            + "If the key is right, pin it with -HostKeyFingerprint '" + key.Fingerprint + "'.");
                }
            }

            if (pins.Count > 0)
                return Refuse(key, options, SshHostKeyProblem.PinMismatch,
                    "The host key of " + Where(options) + " (" + key.Type + " " + key.Fingerprint + ") matches none of the pinned fingerprints (-HostKeyFingerprint " + string.Join(", ", pins)
                    + "). The server's key may have changed, or someone may be intercepting the connection. The connection was refused. If the new key is right, pin -HostKeyFingerprint '" + key.Fingerprint + "'.");

            if (file != null && options.AcceptNewHostKey)
                return SshHostKeyDecision.Trusted(key, SshHostKeyTrust.AcceptedNew, "Host key " + key + " seen for the first time; recording it in " + file.Path + " (-AcceptNewHostKey).", record: true);

            var nowhere = file is null
                ? "no -HostKeyFingerprint pin or -KnownHostsFile was given"
                : file.Path + (file.Exists ? " has no entry for " + KnownHostsFile.HostName(host, port) : " does not exist");
            return Refuse(key, options, SshHostKeyProblem.Unknown,
                "The host key of " + Where(options) + " is unknown: " + key.Type + " key " + key.Fingerprint + " (" + nowhere + "). FtpTools never trusts a key silently. "
                + "Check the fingerprint with the server's administrator (ssh-keygen -lf on the server's public key file), then connect with -HostKeyFingerprint '" + key.Fingerprint
                + "', or trust keys from an OpenSSH known_hosts file with -KnownHostsFile (-AcceptNewHostKey records a first-seen key there).");
        }

        private static SshHostKeyDecision Refuse(SshHostKey key, SftpConnectionOptions options, SshHostKeyProblem problem, string message) =>
            SshHostKeyDecision.Refused(key, new SftpHostKeyException(message, options.Host, options.EffectivePort, key.Type, key.Fingerprint, problem));

        private static string Where(SftpConnectionOptions options) => options.Host + " port " + options.EffectivePort.ToString(CultureInfo.InvariantCulture);

        private static string Line(KnownHostsLookup lookup) => lookup.Entry!.LineNumber.ToString(CultureInfo.InvariantCulture);
    }
}

using System.Collections.Generic;
using System.Linq;
using FtpTools.Engine.Sftp;
using FtpTools.Engine.Sftp.HostKeys;
using Renci.SshNet;

namespace FtpTools.Sftp
{
    /// <summary>Adjusts SSH.NET's algorithm lists for one connection.</summary>
    internal static class SftpAlgorithms
    {
        public const string MlKemKeyExchange = "mlkem768x25519-sha256";

        /// <summary>The type SSH.NET's ML-KEM key exchange needs; BouncyCastle before 2.5 does not have it.</summary>
        private const string MlKemType = "Org.BouncyCastle.Crypto.Kems.MLKemDecapsulator";

        /// <summary>Removed as OpenSSH's client removed them from its defaults: a 1024-bit group and a 64-bit block cipher.</summary>
        private static readonly string[] WeakKeyExchanges = { "diffie-hellman-group1-sha1" };
        private static readonly string[] WeakCiphers = { "3des-cbc" };

        public static void Configure(ConnectionInfo info, SftpConnectionOptions options, SftpTrace trace)
        {
            foreach (var name in WeakKeyExchanges) info.KeyExchangeAlgorithms.Remove(name);
            foreach (var name in WeakCiphers) info.Encryptions.Remove(name);
            // Host certificates are not verified (no @cert-authority support): ask for plain keys, whose fingerprints pins name.
            foreach (var name in info.HostKeyAlgorithms.Keys.Where(name => name.Contains("-cert-v01@")).ToList()) info.HostKeyAlgorithms.Remove(name);

            if (!BouncyCastleHasMlKem())
            {
                info.KeyExchangeAlgorithms.Remove(MlKemKeyExchange);
                trace.Info("The BouncyCastle.Cryptography loaded in this process has no ML-KEM (an older version was loaded first); " + MlKemKeyExchange + " is not offered.");
            }

            if (!string.IsNullOrEmpty(options.KnownHostsFile))
                PreferKnownKeyTypes(info, KnownHostsFile.Load(options.KnownHostsFile!).KeyTypesFor(options.Host, options.EffectivePort));
        }

        /// <summary>Checks the BouncyCastle that SSH.NET binds to (the same identity resolves the same way from here).</summary>
        public static bool BouncyCastleHasMlKem() => typeof(Org.BouncyCastle.Crypto.IDigest).Assembly.GetType(MlKemType, throwOnError: false) != null;

        /// <summary>As OpenSSH does: when known_hosts has keys for the host, ask for those types first, so the server presents the key that is known.</summary>
        private static void PreferKnownKeyTypes(ConnectionInfo info, IReadOnlyList<string> knownTypes)
        {
            if (knownTypes.Count == 0) return;
            var algorithms = info.HostKeyAlgorithms.ToList();
            var preferred = algorithms.Where(pair => knownTypes.Contains(KeyTypeOf(pair.Key))).ToList();
            if (preferred.Count == 0) return;
            info.HostKeyAlgorithms.Clear();
            foreach (var pair in preferred.Concat(algorithms.Except(preferred))) info.HostKeyAlgorithms.Add(pair.Key, pair.Value);
        }

        private static string KeyTypeOf(string hostKeyAlgorithm) => hostKeyAlgorithm.StartsWith("rsa-sha2-") ? "ssh-rsa" : hostKeyAlgorithm;
    }
}

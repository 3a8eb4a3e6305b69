using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>
    /// Server-side hashing: HASH (draft-bryan-ftpext-hash, reply "213 SHA-256 0-1400 hex name") where FEAT offers it,
    /// otherwise the older XSHA256/XSHA1/XMD5/XCRC/XSHA512 commands (reply "250 hex").
    /// </summary>
    internal sealed class FtpHashCommands
    {
        private static readonly Regex HexRun = new Regex(@"\b([0-9A-Fa-f]{8,128})\b", RegexOptions.CultureInvariant);

        private static readonly FtpHashAlgorithm[] Preference = { FtpHashAlgorithm.SHA256, FtpHashAlgorithm.SHA512, FtpHashAlgorithm.SHA1, FtpHashAlgorithm.MD5, FtpHashAlgorithm.CRC32 };

        private readonly FtpClient client;

        public FtpHashCommands(FtpClient client) => this.client = client;

        public static string HashFeatureName(FtpHashAlgorithm algorithm) => algorithm switch
        {
            FtpHashAlgorithm.SHA256 => "SHA-256",
            FtpHashAlgorithm.SHA1 => "SHA-1",
            FtpHashAlgorithm.SHA512 => "SHA-512",
            FtpHashAlgorithm.MD5 => "MD5",
            _ => "CRC32",
        };

        public static string LegacyCommand(FtpHashAlgorithm algorithm) => algorithm switch
        {
            FtpHashAlgorithm.SHA256 => "XSHA256",
            FtpHashAlgorithm.SHA1 => "XSHA1",
            FtpHashAlgorithm.SHA512 => "XSHA512",
            FtpHashAlgorithm.MD5 => "XMD5",
            _ => "XCRC",
        };

        public FtpHashResult Compute(string path, FtpHashAlgorithm? requested, CancellationToken cancellationToken)
        {
            var features = client.Features;
            var hashAlgorithms = new HashSet<string>(features.HashAlgorithms, StringComparer.OrdinalIgnoreCase);
            var candidates = requested.HasValue ? new[] { requested.Value } : Preference;
            foreach (var algorithm in candidates)
            {
                if (hashAlgorithms.Contains(HashFeatureName(algorithm))) return ComputeWithHash(path, algorithm, cancellationToken);
                if (features.Has(LegacyCommand(algorithm))) return ComputeWithLegacy(path, algorithm, cancellationToken);
            }

            var offered = hashAlgorithms.Concat(Preference.Select(LegacyCommand).Where(features.Has)).ToList();
            throw new FtpNotSupportedException(
                "The server does not support file hashes" + (requested.HasValue ? " with " + requested.Value : string.Empty)
                + (offered.Count == 0 ? ": its FEAT reply lists neither HASH nor XSHA256/XSHA1/XMD5/XCRC." : "; it supports only " + string.Join(", ", offered) + "."),
                "HASH " + path);
        }

        private FtpHashResult ComputeWithHash(string path, FtpHashAlgorithm algorithm, CancellationToken cancellationToken)
        {
            var name = HashFeatureName(algorithm);
            client.Execute("OPTS HASH " + name, FtpPhase.Command, cancellationToken, 2);
            var command = "HASH " + path;
            var reply = client.Execute(command, FtpPhase.Command, cancellationToken, 213);
            // "SHA-256 0-1400 <hex> name": the hash is the third field.
            var fields = reply.Lines.Last().Split(new[] { ' ' }, 4, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3) throw new FtpProtocolException("The server's HASH reply has no hash: \"" + reply + "\".", FtpPhase.Command, command, reply);
            return new FtpHashResult(algorithm, fields[2].ToUpperInvariant(), path, "HASH");
        }

        private FtpHashResult ComputeWithLegacy(string path, FtpHashAlgorithm algorithm, CancellationToken cancellationToken)
        {
            var verb = LegacyCommand(algorithm);
            var command = verb + " " + path;
            var reply = client.Execute(command, FtpPhase.Command, cancellationToken, 2);
            var match = HexRun.Match(reply.Lines.Last());
            if (!match.Success) throw new FtpProtocolException("The server's " + verb + " reply has no hash: \"" + reply + "\".", FtpPhase.Command, command, reply);
            return new FtpHashResult(algorithm, match.Groups[1].Value.ToUpperInvariant(), path, verb);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Lab;

/// <summary>What a named lab server is, before it gets ports and folders.</summary>
public sealed record LabServerDefinition(
    string Name,
    LabServerKind Kind,
    LabEncryption Encryption,
    IReadOnlyList<string> Addresses,
    bool RequiresTlsSessionReuse,
    Version? MaxTlsVersion,
    string Notes,
    bool KeyboardInteractiveOnly = false,
    int? MaxConnectionsPerClient = null)
{
    private static readonly Version Tls12 = new(1, 2);
    private static readonly Version Tls13 = new(1, 3);
    private static readonly string[] V4 = { "127.0.0.1" };
    private static readonly string[] V6 = { "::1" };
    private static readonly string[] V4AndV6 = { "127.0.0.1", "::1" };

    /// <summary>Every server the lab knows, in start order. The names are the API used by tests and the CLI.</summary>
    public static IReadOnlyList<LabServerDefinition> All { get; } = new LabServerDefinition[]
    {
        new("vsftpd-plain", LabServerKind.Vsftpd, LabEncryption.None, V4, false, null,
            "vsftpd 3.0.3; no MLSD/MLST/MFMT/HASH; MDTM only"),
        new("vsftpd-plain6", LabServerKind.Vsftpd, LabEncryption.None, V6, false, null,
            "vsftpd on ::1 (vsftpd needs one process per address family)"),
        new("vsftpd-explicit", LabServerKind.Vsftpd, LabEncryption.Explicit, V4, true, Tls13,
            "AUTH TLS, TLS required on control and data (PROT P), require_ssl_reuse=YES; data TLS must reuse the control session"),
        new("vsftpd-explicit-tls12", LabServerKind.Vsftpd, LabEncryption.Explicit, V4, true, Tls12,
            "as vsftpd-explicit, capped at TLS 1.2 through OPENSSL_CONF"),
        new("vsftpd-implicit", LabServerKind.Vsftpd, LabEncryption.Implicit, V4, true, Tls13,
            "implicit FTPS (implicit_ssl=YES); the client must still send PBSZ 0 / PROT P; require_ssl_reuse=YES"),
        new("proftpd-plain", LabServerKind.Proftpd, LabEncryption.None, V4AndV6, false, null,
            "proftpd 1.3.8 on 127.0.0.1 and ::1 (same port); mod_digest HASH/XCRC/XMD5/XSHA*, MLSD, MFMT, SITE UTIME/COPY"),
        new("proftpd-explicit", LabServerKind.Proftpd, LabEncryption.Explicit, V4, true, Tls13,
            "mod_tls, TLSRequired on (control and data); TLS session reuse on data required (mod_tls default)"),
        new("proftpd-implicit", LabServerKind.Proftpd, LabEncryption.Implicit, V4, true, Tls13,
            "mod_tls with TLSOptions UseImplicitSSL; TLS session reuse on data required"),
        new("pureftpd-plain", LabServerKind.PureFtpd, LabEncryption.None, V4, false, null,
            "pure-ftpd 1.0.50; multi-line 220 greeting; MLSD, MFMT"),
        new("pureftpd-explicit", LabServerKind.PureFtpd, LabEncryption.Explicit, V4, false, Tls13,
            "TLS 3 (TLS required on control and data); no session reuse requirement"),
        new("pyftpdlib-plain", LabServerKind.Pyftpdlib, LabEncryption.None, V4, false, null,
            "pyftpdlib 1.5.7 (Debian), perm elradfmwMT (MFMT, SITE CHMOD)"),
        new("pyftpdlib-explicit", LabServerKind.Pyftpdlib, LabEncryption.Explicit, V4, false, Tls13,
            "TLS_FTPHandler, TLS required on control and data; stock 1.5.7: a data-channel TLS handshake started before the transfer command is dropped (pyftpdlib#604)"),
        new("openssh-sftp", LabServerKind.Sshd, LabEncryption.Ssh, V4, false, null,
            "OpenSSH 9.2 sshd, internal-sftp starting in the root directory; password and public-key logins; host keys ed25519, ecdsa, rsa"),
        new("openssh-sftp-kbdint", LabServerKind.Sshd, LabEncryption.Ssh, V4, false, null,
            "the same sshd taking only keyboard-interactive (PAM password prompt) logins", KeyboardInteractiveOnly: true),
    };

    /// <summary>
    /// Servers that allow two connections per client address (the default is 100): for tests of parallel transfers that ask
    /// for more. Started only by name, never by --all or the shared fixture, so that no other test meets the limit.
    /// </summary>
    public static IReadOnlyList<LabServerDefinition> Limited { get; } = new LabServerDefinition[]
    {
        new("vsftpd-limited", LabServerKind.Vsftpd, LabEncryption.None, V4, false, null,
            "vsftpd with max_per_ip=2: a third connection gets 421 at once", MaxConnectionsPerClient: 2),
        new("proftpd-limited", LabServerKind.Proftpd, LabEncryption.None, V4, false, null,
            "proftpd with MaxClientsPerHost 2: a third connection is refused with 530 at login", MaxConnectionsPerClient: 2),
        new("pureftpd-limited", LabServerKind.PureFtpd, LabEncryption.None, V4, false, null,
            "pure-ftpd with MaxClientsPerIP 2: a third connection gets 421 at once", MaxConnectionsPerClient: 2),
    };

    /// <summary>The FTP and FTPS servers (everything but sshd).</summary>
    public static IReadOnlyList<string> FtpNames { get; } = All.Where(definition => definition.Kind != LabServerKind.Sshd).Select(definition => definition.Name).ToArray();

    /// <summary>The SFTP servers (OpenSSH's sshd).</summary>
    public static IReadOnlyList<string> SftpNames { get; } = All.Where(definition => definition.Kind == LabServerKind.Sshd).Select(definition => definition.Name).ToArray();

    public static IReadOnlyList<string> AllNames { get; } = All.Select(definition => definition.Name).ToArray();

    public static LabServerDefinition Get(string name) =>
        All.Concat(Limited).FirstOrDefault(definition => definition.Name == name)
        ?? throw new ArgumentException($"unknown lab server '{name}'; known: {string.Join(", ", AllNames)}", nameof(name));

    public string Host => Addresses[0];
}

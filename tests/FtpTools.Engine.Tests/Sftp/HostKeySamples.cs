using FtpTools.Engine.Sftp.HostKeys;

namespace FtpTools.Engine.Tests.Sftp
{
    /// <summary>Real keys and what OpenSSH 9.2 printed for them (ssh-keygen -lf, ssh-keygen -H).</summary>
    internal static class HostKeySamples
    {
        public const string Ed25519Base64 = "AAAAC3NzaC1lZDI1NTE5AAAAIPQRb9SZuYCKvD+tu/iCQoVE0KrQPTGu9OQKqbMks1We";
        public const string Ed25519Fingerprint = "SHA256:dTjfnnLSha9rEWv00RPVyLL7ctQInKROkn4xmqQDGlQ";

        public const string EcdsaBase64 = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFdxmbiazHPwRzUgWAkjiXoFVPeyb25OqpZsJWbSUBnAprt3HZCDPflSJ9nrSnnxPlzG2vYwjb3crUk2hO6ImfY=";
        public const string EcdsaFingerprint = "SHA256:XyklXXqqanXJZQK+M529Sy8h8jDnIv+1/juaWK3hEw0";

        public const string RsaBase64 = "AAAAB3NzaC1yc2EAAAADAQABAAABAQC+ZzHBFvyEFs/Mqp5AxcliSWkAbPKhy6g5M8GCDDCX0FLKaLYG+wF1yb2a76S8ZqO0TjF2MEr9L9vHEDUHTr6wWB04Z4xroONgKUPL6c4YchLbdLR+CnYRN8GnEviEFoaLvwA+gtDtCR7QgPBL4cBSm0vBtrcqyzVsRnevvSenj8lkgOxII+kv5x6nmdA3D2cnPk3aB26R99XN3CEVwUgRXuFfPEpZuc4jP8M0HGDtgepHy+kyzBxeEsIxgLNmkNdgiFPITyOv71FXqP7UxkFuXKOAH7gtc6cVFVLZSyIbzCS/Y5EV6ILpXZkL9qXogx6wVqGg7CoZ44MZ4YYJhz79";
        public const string RsaFingerprint = "SHA256:AIa4lrfZp8CnLOvxBPgMLubOU5x9D9m9hVfOoSpIROs";

        /// <summary>ssh-keygen -H of "[127.0.0.1]:2222 ssh-ed25519 ..." and "example.com ecdsa-sha2-nistp256 ...".</summary>
        public static readonly string[] HashedKnownHosts =
        {
            "|1|CJGo64U8Jl/SMo5M8eDDpGgjbb0=|CGArCRCE3FOQoMgvHEQNzCojnSs= ssh-ed25519 " + Ed25519Base64,
            "|1|wKG6cRyQfGZISFQMBEeIgTvvtsU=|A7hERo/hMNBR997HM7OdxJhCDhI= ecdsa-sha2-nistp256 " + EcdsaBase64,
        };

        public static SshHostKey Ed25519 => SshHostKey.TryFromBase64(Ed25519Base64)!;

        public static SshHostKey Ecdsa => SshHostKey.TryFromBase64(EcdsaBase64)!;

        public static SshHostKey Rsa => SshHostKey.TryFromBase64(RsaBase64)!;
    }
}

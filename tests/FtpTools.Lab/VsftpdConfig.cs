using System.Collections.Generic;
using System.IO;
using System.Text;

namespace FtpTools.Lab;

internal static class VsftpdConfig
{
    public static LabLaunch Prepare(LabServerPlan plan)
    {
        string logFile = plan.PathInServerDirectory("vsftpd.log");
        bool ipv6 = plan.Definition.Host.Contains(':');
        var conf = new StringBuilder();
        void Set(string key, object value) => conf.Append(key).Append('=').Append(value).Append('\n');

        Set("listen", ipv6 ? "NO" : "YES");
        Set("listen_ipv6", ipv6 ? "YES" : "NO");
        Set(ipv6 ? "listen_address6" : "listen_address", plan.Definition.Host);
        Set("listen_port", plan.Port);
        Set("background", "NO");
        Set("pasv_enable", "YES");
        Set("pasv_min_port", plan.PassivePortMin);
        Set("pasv_max_port", plan.PassivePortMax);
        Set("port_enable", "YES");
        Set("connect_from_port_20", "NO");
        Set("anonymous_enable", "NO");
        Set("local_enable", "YES");
        Set("write_enable", "YES");
        Set("local_umask", "022");
        Set("pam_service_name", LabEnvironment.PamServiceName);
        Set("local_root", plan.RootDirectory);
        Set("chroot_local_user", "YES");
        Set("allow_writeable_chroot", "YES");
        Set("secure_chroot_dir", plan.EmptyDirectory);
        Set("nopriv_user", "nobody");
        Set("use_localtime", "NO");
        // The seccomp sandbox kills sessions on syscalls newer glibc/OpenSSL make.
        Set("seccomp_sandbox", "NO");
        Set("utf8_filesystem", "YES");
        Set("ls_recurse_enable", "YES");
        Set("max_clients", 200);
        Set("max_per_ip", plan.Definition.MaxConnectionsPerClient ?? 100);
        Set("idle_session_timeout", 600);
        Set("data_connection_timeout", 300);
        Set("xferlog_enable", "YES");
        Set("xferlog_std_format", "NO");
        Set("log_ftp_protocol", "YES");
        Set("vsftpd_log_file", logFile);

        if (plan.UsesTls)
        {
            Set("ssl_enable", "YES");
            Set("rsa_cert_file", plan.Certificate.CertificatePath);
            Set("rsa_private_key_file", plan.Certificate.PrivateKeyPath);
            Set("ssl_sslv2", "NO");
            Set("ssl_sslv3", "NO");
            // vsftpd 3.0.3 only knows ssl_tlsv1 (TLS 1.0); with NO it stops advertising AUTH TLS in FEAT.
            // OpenSSL 3 on Debian refuses TLS < 1.2 anyway; TLS 1.1-1.3 are always on.
            Set("ssl_tlsv1", "YES");
            Set("ssl_ciphers", "HIGH");
            Set("ssl_request_cert", "NO");
            Set("allow_anon_ssl", "NO");
            Set("force_local_logins_ssl", "YES");
            Set("force_local_data_ssl", "YES");
            Set("require_ssl_reuse", plan.Definition.RequiresTlsSessionReuse ? "YES" : "NO");
            Set("implicit_ssl", plan.Definition.Encryption == LabEncryption.Implicit ? "YES" : "NO");
        }

        string confFile = plan.PathInServerDirectory("vsftpd.conf");
        File.WriteAllText(confFile, conf.ToString());

        var environment = new Dictionary<string, string>();
        if (plan.CapsTlsAt12)
        {
            environment["OPENSSL_CONF"] = OpenSslTls12Config.Write(plan.PathInServerDirectory("openssl-tls12-only.cnf"));
        }

        return new LabLaunch(plan.Environment.Vsftpd, new[] { confFile }, environment, null, new[] { logFile });
    }
}

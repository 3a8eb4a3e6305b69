using System.Collections.Generic;
using System.IO;
using System.Runtime.Versioning;
using System.Text;

namespace FtpTools.Lab;

[SupportedOSPlatform("linux")]
internal static class ProftpdConfig
{
    public static LabLaunch Prepare(LabServerPlan plan)
    {
        string dir = plan.ServerDirectory;
        string systemLog = plan.PathInServerDirectory("proftpd.log");
        string transferLog = plan.PathInServerDirectory("xfer.log");
        string tlsLog = plan.PathInServerDirectory("tls.log");
        string passwdFile = plan.PathInServerDirectory("ftpd.passwd");
        string groupFile = plan.PathInServerDirectory("ftpd.group");
        LabAccount account = plan.Account;

        // mod_auth_file: user -> uid/gid and home; DefaultRoot ~ chroots into the home (the lab root).
        File.WriteAllText(passwdFile, $"{account.User}:{plan.PasswordCryptHash}:{account.Uid}:{account.Gid}::{plan.RootDirectory}:/bin/false\n");
        File.WriteAllText(groupFile, $"{account.User}:x:{account.Gid}:{account.User}\n");
        // mod_auth_file refuses a world-readable AuthUserFile.
        File.SetUnixFileMode(passwdFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var conf = new StringBuilder();
        void Line(string directive, string value) => conf.Append(directive.PadRight(26)).Append(value).Append('\n');

        Line("ServerName", $"\"FtpTools lab {plan.Definition.Name}\"");
        Line("ServerIdent", $"on \"ProFTPD FtpTools lab {plan.Definition.Name}\"");
        Line("ServerType", "standalone");
        Line("DefaultServer", "on");
        Line("UseIPv6", "on");
        Line("DefaultAddress", string.Join(' ', plan.Definition.Addresses));
        Line("SocketBindTight", "on");
        Line("Port", plan.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line("PassivePorts", $"{plan.PassivePortMin} {plan.PassivePortMax}");
        Line("MaxInstances", "200");
        if (plan.Definition.MaxConnectionsPerClient is int perHost)
            Line("MaxClientsPerHost", perHost.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line("User", "nobody");
        Line("Group", "nogroup");
        Line("Umask", "022 022");
        Line("PidFile", Path.Combine(dir, "proftpd.pid"));
        Line("ScoreboardFile", Path.Combine(dir, "proftpd.scoreboard"));
        Line("DelayTable", Path.Combine(dir, "proftpd.delay"));
        Line("ControlsEngine", "off");
        Line("WtmpLog", "off");
        Line("UseReverseDNS", "off");
        Line("TimesGMT", "on");
        Line("SystemLog", systemLog);
        Line("TransferLog", transferLog);
        Line("AuthOrder", "mod_auth_file.c");
        Line("AuthUserFile", passwdFile);
        Line("AuthGroupFile", groupFile);
        Line("RequireValidShell", "off");
        Line("DefaultRoot", "~");
        Line("AllowOverwrite", "on");
        Line("AllowStoreRestart", "on");
        Line("AllowRetrieveRestart", "on");
        Line("ListOptions", "\"\" maxfiles 200000 maxdirs 2000 maxdepth 8");
        // Checksums (HASH, XCRC, XMD5, XSHA*), SITE UTIME/MKDIR/RMDIR/SYMLINK, SITE CPFR/CPTO.
        Line("ModulePath", plan.Environment.ProftpdModules);
        Line("LoadModule", "mod_digest.c");
        Line("LoadModule", "mod_site_misc.c");
        Line("LoadModule", "mod_copy.c");
        Line("DigestEngine", "on");
        Line("DigestAlgorithms", "all");

        var logFiles = new List<string> { systemLog };
        if (plan.UsesTls)
        {
            logFiles.Add(tlsLog);
            Line("LoadModule", "mod_tls.c");
            Line("TLSEngine", "on");
            Line("TLSLog", tlsLog);
            Line("TLSProtocol", plan.CapsTlsAt12 ? "TLSv1.2" : "TLSv1.2 TLSv1.3");
            Line("TLSCipherSuite", "HIGH:!aNULL:!MD5");
            Line("TLSRSACertificateFile", plan.Certificate.CertificatePath);
            Line("TLSRSACertificateKeyFile", plan.Certificate.PrivateKeyPath);
            Line("TLSVerifyClient", "off");
            Line("TLSRenegotiate", "none");
            // on = TLS required on the control and the data channel.
            Line("TLSRequired", "on");
            // Session reuse on the data channel is required unless NoSessionReuseRequired is given.
            var options = new List<string> { "EnableDiags" };
            if (!plan.Definition.RequiresTlsSessionReuse)
            {
                options.Add("NoSessionReuseRequired");
            }

            if (plan.Definition.Encryption == LabEncryption.Implicit)
            {
                options.Add("UseImplicitSSL");
            }

            Line("TLSOptions", string.Join(' ', options));
        }

        string confFile = plan.PathInServerDirectory("proftpd.conf");
        File.WriteAllText(confFile, conf.ToString());
        return new LabLaunch(
            plan.Environment.Proftpd,
            new[] { "-n", "-c", confFile },
            new Dictionary<string, string>(),
            null,
            logFiles.ToArray());
    }
}

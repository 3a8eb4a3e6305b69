using System.Collections.Generic;
using System.IO;
using System.Text;

namespace FtpTools.Lab;

internal static class PureFtpdConfig
{
    public static LabLaunch Prepare(LabServerPlan plan)
    {
        string passwdFile = plan.PathInServerDirectory("pureftpd.passwd");
        string pdbFile = plan.PathInServerDirectory("pureftpd.pdb");
        string transferLog = plan.PathInServerDirectory("xfer.log");
        LabAccount account = plan.Account;

        // Written directly with a SHA-512 crypt hash and compiled with `pure-pw mkdb`: `pure-pw useradd` would store
        // an argon2id hash that costs ~3 s of CPU to create and again on every single login.
        // "<home>/./" = chroot into the home.
        File.WriteAllText(passwdFile, $"{account.User}:{plan.PasswordCryptHash}:{account.Uid}:{account.Gid}::{plan.RootDirectory}/./::::::::::::\n");
        LabCommand.Run(plan.Environment.PurePw, null, "mkdb", pdbFile, "-f", passwdFile);

        var conf = new StringBuilder();
        void Line(string directive, string value) => conf.Append(directive.PadRight(22)).Append(value).Append('\n');

        Line("Bind", $"{plan.Definition.Host},{plan.Port}");
        Line("PassivePortRange", $"{plan.PassivePortMin} {plan.PassivePortMax}");
        Line("Daemonize", "no");
        Line("PIDFile", plan.PathInServerDirectory("pure-ftpd.pid"));
        Line("PureDB", pdbFile);
        Line("NoAnonymous", "yes");
        Line("ChrootEveryone", "yes");
        Line("MinUID", "1");
        Line("DontResolve", "yes");
        Line("DisplayDotFiles", "yes");
        Line("SyslogFacility", "none");
        Line("AltLog", "clf:" + transferLog);
        Line("MaxClientsNumber", "200");
        Line("MaxClientsPerIP", (plan.Definition.MaxConnectionsPerClient ?? 100).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line("MaxIdleTime", "15");
        Line("LimitRecursion", "20000 8");
        Line("MaxLoad", "100");
        Line("AntiWarez", "no");
        Line("Umask", "133:022");
        Line("AutoRename", "no");
        Line("CustomerProof", "no");
        Line("MaxDiskUsage", "99");
        if (plan.UsesTls)
        {
            // 3 = TLS required on the control and the data channel.
            Line("TLS", "3");
            Line("CertFileAndKey", $"\"{plan.Certificate.CertificatePath}\" \"{plan.Certificate.PrivateKeyPath}\"");
            Line("TLSCipherSuite", "HIGH");
        }
        else
        {
            Line("TLS", "0");
        }

        string confFile = plan.PathInServerDirectory("pure-ftpd.conf");
        File.WriteAllText(confFile, conf.ToString());
        return new LabLaunch(plan.Environment.PureFtpd, new[] { confFile }, new Dictionary<string, string>(), null, new[] { transferLog });
    }
}

using System.Collections.Generic;
using Xunit;

namespace FtpTools.Engine.Tests.Integration
{
    /// <summary>
    /// The matrix: every lab server (plain, explicit and implicit TLS; vsftpd with TLS session reuse required over
    /// TLS 1.3 and capped at TLS 1.2) x every data connection mode. PASV carries only IPv4, so the ::1 servers get
    /// EPSV and EPRT only.
    /// </summary>
    public static class LabMatrix
    {
        public static readonly string[] Servers =
        {
            "vsftpd-plain", "vsftpd-plain6", "vsftpd-explicit", "vsftpd-explicit-tls12", "vsftpd-implicit",
            "proftpd-plain", "proftpd-explicit", "proftpd-implicit",
            "pureftpd-plain", "pureftpd-explicit",
            "pyftpdlib-plain", "pyftpdlib-explicit",
        };

        /// <summary>Server name, mode, and the host to connect to (null: the server's own address).</summary>
        public static IEnumerable<object?[]> Cells()
        {
            foreach (var server in Servers)
            {
                yield return new object?[] { server, FtpDataConnectionMode.ExtendedPassive, null };
                if (server != "vsftpd-plain6") yield return new object?[] { server, FtpDataConnectionMode.Passive, null };
                yield return new object?[] { server, FtpDataConnectionMode.Active, null };
            }

            // proftpd listens on 127.0.0.1 and ::1 with one process: IPv6 with EPSV and EPRT there too.
            yield return new object?[] { "proftpd-plain", FtpDataConnectionMode.ExtendedPassive, "::1" };
            yield return new object?[] { "proftpd-plain", FtpDataConnectionMode.Active, "::1" };
        }

        public static IEnumerable<object[]> EachServer()
        {
            foreach (var server in Servers) yield return new object[] { server };
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Diagnostics;
using FtpTools.Engine.Tests.Faults;
using Xunit;
using static FtpTools.Engine.Tests.Diagnostics.ProbeScripts;

namespace FtpTools.Engine.Tests.Diagnostics
{
    /// <summary>Test-FtpConnection's engine against scripted faults: each diagnosis is tied to the fault that causes it.</summary>
    public sealed class FtpConnectionProbeTests
    {
        private static readonly CancellationToken None = CancellationToken.None;

        [Fact]
        public void Active_mode_that_never_connects_back_is_explained_and_passive_is_recommended()
        {
            using var server = new ScriptedFtpServer((line, session) => Working(line, session, (command, _) =>
                command.StartsWith("PORT", StringComparison.Ordinal) ? "200 PORT command successful\r\n"
                : command.StartsWith("LIST", StringComparison.Ordinal) && session.Passive is null ? string.Empty // active: never connects, never answers
                : null));

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            var active = report.Attempts.Single(a => a.DataConnection == "Active");
            Assert.False(active.Success);
            Assert.InRange(active.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
            Assert.StartsWith("Active mode failed: the server could not connect back to 127.0.0.1:", active.Diagnosis);
            Assert.Contains(active.Diagnosis, report.Diagnosis);
            Assert.EndsWith(". A firewall or NAT in front of this computer blocks inbound connections; use passive mode (the default).", active.Diagnosis);
            Assert.True(report.Success, Join(report));
            Assert.Equal(FtpDataConnectionMode.Auto, Parameter(report, "DataConnection"));
            Assert.Equal(FtpEncryption.None, Parameter(report, "Encryption"));
        }

        [Fact]
        public void Passive_ports_that_refuse_name_the_port_and_the_servers_firewall()
        {
            var closed = ClosedPort();
            using var server = new ScriptedFtpServer((line, session) =>
                line == "EPSV" ? "229 Entering Extended Passive Mode (|||" + closed + "|)\r\n"
                : line == "PASV" ? "227 Entering Passive Mode (127,0,0,1," + closed / 256 + "," + closed % 256 + ")\r\n"
                : ScriptedFtpServer.Login(line) ?? "502 Not implemented\r\n");

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            Assert.False(report.Success);
            Assert.Null(report.Recommended);
            var epsv = report.Attempts.Single(a => a.DataConnection == "EPSV");
            Assert.Equal("Passive mode failed: port " + closed + " on 127.0.0.1 refused the connection. The server's passive port range is not open in its firewall; "
                + "its administrator must open it (vsftpd pasv_min_port/pasv_max_port).", epsv.Diagnosis);
            Assert.Single(report.Diagnosis, sentence => sentence.StartsWith("Passive mode failed", StringComparison.Ordinal));
            Assert.Contains(report.Diagnosis, sentence => sentence.StartsWith("Active mode failed: the server refused PORT (502", StringComparison.Ordinal));
        }

        [Fact]
        public void A_227_address_other_than_the_control_address_is_named_and_the_control_address_recommended()
        {
            using var server = new ScriptedFtpServer((line, session) => Working(line, session, (command, _) =>
                command == "EPSV" ? "502 EPSV not implemented\r\n" : command == "PASV" ? Pasv(session, "127,0,0,2") : null));

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            Assert.True(report.Success, Join(report));
            Assert.True(report.Attempts.Single(a => a.DataConnection == "PASV").Success);
            var advertised = report.Attempts.Single(a => a.DataConnection == "PASV (server's address)");
            Assert.False(advertised.Success);
            const string Expected = "The server advertises 127.0.0.2 in its 227 reply, not the address it was reached at (127.0.0.1); FtpTools uses the control connection's address instead, which works.";
            Assert.Equal(Expected, advertised.Diagnosis);
            Assert.Contains(Expected, report.Diagnosis);
            Assert.Equal(FtpDataConnectionMode.Passive, Parameter(report, "DataConnection"));
            Assert.DoesNotContain(report.Recommended!.ConnectParameters, p => p.Key == "UseServerPassiveAddress");
        }

        [Fact]
        public void A_522_on_the_data_connection_says_TLS_session_reuse_is_required()
        {
            using var server = new ScriptedFtpServer((line, session) => Working(line, session, (command, _) =>
                command.StartsWith("LIST", StringComparison.Ordinal) ? "522 SSL connection failed: session reuse required\r\n" : null));

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            Assert.False(report.Success);
            var epsv = report.Attempts.Single(a => a.DataConnection == "EPSV");
            Assert.Equal(522, epsv.ReplyCode);
            Assert.StartsWith("The server requires TLS session reuse on data connections (522 SSL connection failed: session reuse required)", epsv.Diagnosis);
        }

        [Fact]
        public void A_silent_port_is_named_within_seconds()
        {
            using var server = new SilentServer();
            var watch = Stopwatch.StartNew();

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6));
            Assert.False(report.Success);
            Assert.Equal(ProbeStep.Greeting, report.Attempts[1].Step);
            Assert.Contains(report.Diagnosis, s => s == ProbeDiagnoses.SilentServer(server.Port, "1 s"));
            Assert.Contains(report.Attempts, a => a.Encryption == "Implicit" && !a.Success);
            Assert.Contains(report.Diagnosis, s => s == ProbeDiagnoses.SilentNotTls(server.Port, "1 s"));
        }

        [Fact]
        public void An_ssh_port_says_use_sftp()
        {
            using var server = new SilentServer("SSH-2.0-OpenSSH_9.2p1 Debian\r\n");

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            Assert.False(report.Success);
            Assert.Equal(new[] { "Port " + server.Port + " speaks SSH (\"SSH-2.0-OpenSSH_9.2p1 Debian\"); use -Protocol Sftp." }, report.Diagnosis);
        }

        [Fact]
        public void A_closed_control_port_is_reported_as_refused_without_further_attempts()
        {
            var report = new FtpConnectionProbe(Options(ClosedPort())).Run(None);

            Assert.False(report.Success);
            var attempt = Assert.Single(report.Attempts);
            Assert.Equal(ProbeStep.Reachability, attempt.Step);
            Assert.StartsWith("Nothing listens on port ", attempt.Diagnosis);
        }

        [Fact]
        public void A_refused_login_stops_before_any_data_connection()
        {
            using var server = new ScriptedFtpServer((line, session) =>
                line.StartsWith("PASS", StringComparison.Ordinal) ? "530 Login incorrect.\r\n" : Working(line, session));

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            Assert.False(report.Success);
            Assert.Contains("Login as \"user\" failed (530 Login incorrect.): check the user name and password.", report.Diagnosis);
            Assert.DoesNotContain(report.Attempts, a => a.Step == ProbeStep.Listing);
        }

        [Fact]
        public void Plain_ftp_is_recommended_only_with_a_warning_when_nothing_encrypted_works()
        {
            using var server = new ScriptedFtpServer((line, session) => Working(line, session));

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);

            Assert.True(report.Success, Join(report));
            Assert.Contains(report.Attempts, a => a.Step == ProbeStep.Tls && a.Encryption == "Explicit" && !a.Success && a.ReplyCode == 502);
            Assert.Equal(new[] { ProbeDiagnoses.PlainOnly() }, report.Warnings);
            Assert.StartsWith("Use plain FTP (unencrypted) on port " + server.Port + " with passive mode (EPSV)", report.Diagnosis[0]);
        }

        [Fact]
        public void Deep_uploads_downloads_compares_and_deletes()
        {
            var files = new ConcurrentDictionary<string, byte[]>();
            using var server = new ScriptedFtpServer((line, session) => Working(line, session, FileStore(files)));
            var options = Options(server.Port);
            options.Deep = true;

            var report = new FtpConnectionProbe(options).Run(None);

            Assert.True(report.Success, Join(report));
            Assert.True(report.Attempts.Single(a => a.Step == ProbeStep.Upload).Success);
            Assert.Equal("Downloaded 4096 bytes, identical to those uploaded.", report.Attempts.Single(a => a.Step == ProbeStep.Download).Diagnosis);
            Assert.True(report.Attempts.Single(a => a.Step == ProbeStep.Delete).Success);
            Assert.Empty(files);
            Assert.Contains(server.Received, line => line.StartsWith("MKD /ftptools-probe-", StringComparison.Ordinal));
        }

        [Fact]
        public void Deep_reports_a_download_that_differs()
        {
            var files = new ConcurrentDictionary<string, byte[]>();
            var store = FileStore(files);
            using var server = new ScriptedFtpServer((line, session) => Working(line, session, (command, s) =>
                command.StartsWith("RETR", StringComparison.Ordinal) ? HostileScript.Transfer(s, Ascii("not what was sent")) : store(command, s)));
            var options = Options(server.Port);
            options.Deep = true;

            var report = new FtpConnectionProbe(options).Run(None);

            Assert.False(report.Success);
            Assert.NotNull(report.Recommended);
            Assert.Contains(ProbeDiagnoses.DeepMismatch(4096, 17), report.Diagnosis);
        }

        [Fact]
        public void The_report_and_its_recommendation_never_hold_the_password()
        {
            using var server = new ScriptedFtpServer((line, session) => Working(line, session));

            var report = new FtpConnectionProbe(Options(server.Port)).Run(None);
            var text = ProbeReportText.Format(report);

            Assert.DoesNotContain(Password, text);
            Assert.DoesNotContain(report.Recommended!.ConnectParameters, p => p.Key.Contains("Credential", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("Password", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("Recommended: Connect-FtpServer -ComputerName '127.0.0.1' -Port " + server.Port + " -Encryption None -DataConnection Auto -Credential $credential", text);
        }

        [Fact]
        public void Only_the_encryption_asked_for_is_tried()
        {
            using var server = new ScriptedFtpServer((line, session) => Working(line, session));
            var options = Options(server.Port);
            options.Encryption = FtpEncryption.None;

            var report = new FtpConnectionProbe(options).Run(None);

            Assert.True(report.Success, Join(report));
            Assert.DoesNotContain(server.Received, line => line == "AUTH TLS");
        }

        private static object Parameter(ConnectionProbeReport report, string name) =>
            report.Recommended!.ConnectParameters.Single(pair => pair.Key == name).Value;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>The report as a person reads it: a heading, one line per attempt, the diagnosis, and the Connect-FtpServer line to use.</summary>
    public static class ProbeReportText
    {
        public static string Format(ConnectionProbeReport report)
        {
            if (report is null) throw new ArgumentNullException(nameof(report));
            var text = new StringBuilder();
            text.Append(report.Host.IndexOf(':') >= 0 ? "[" + report.Host + "]" : report.Host).Append(':').Append(report.Port.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(report.Protocol == RemoteProtocol.Sftp ? "SFTP" : "FTP").Append("): ")
                .Append(report.Success ? "works" : "does not work").Append(", ").Append(report.Attempts.Count.ToString(CultureInfo.InvariantCulture)).Append(" attempts in ")
                .Append(Seconds(report.Elapsed)).AppendLine();
            foreach (var attempt in report.Attempts)
            {
                var settings = string.Join(", ", new[] { attempt.Encryption, attempt.DataConnection }.Where(part => part.Length > 0));
                text.Append("  ").Append((attempt.Success ? "ok" : "FAILED").PadRight(7)).Append(attempt.Step)
                    .Append(settings.Length > 0 ? " (" + settings + ")" : string.Empty).Append(", ").Append(Seconds(attempt.Elapsed)).Append(": ").Append(attempt.Diagnosis).AppendLine();
            }

            text.AppendLine("Diagnosis:");
            foreach (var sentence in report.Diagnosis) text.Append("  ").AppendLine(sentence);
            if (report.Recommended != null) text.Append("Recommended: ").AppendLine(CommandLine(report.Recommended.ConnectParameters));
            return text.ToString();
        }

        private static string Seconds(System.TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

        /// <summary>"Connect-FtpServer -ComputerName 'host' -Port 21 ..." with a -Credential placeholder when the protocol needs one.</summary>
        public static string CommandLine(IEnumerable<KeyValuePair<string, object>> parameters)
        {
            var line = new StringBuilder("Connect-FtpServer");
            foreach (var pair in parameters)
            {
                line.Append(" -").Append(pair.Key);
                if (pair.Value is bool flag)
                {
                    if (!flag) line.Append(":$false");
                    continue;
                }

                line.Append(' ').Append(Literal(pair.Value));
            }

            return line.Append(" -Credential $credential").ToString();
        }

        private static string Literal(object value)
        {
            switch (value)
            {
                case int number: return number.ToString(CultureInfo.InvariantCulture);
                case string text: return "'" + text.Replace("'", "''") + "'";
                case string[] list: return string.Join(", ", list.Select(Literal));
                case Enum name: return name.ToString();
                default: return Literal(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }
    }
}

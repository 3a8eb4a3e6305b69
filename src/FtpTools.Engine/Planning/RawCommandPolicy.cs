using System;
using System.Collections.Generic;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Which commands Invoke-FtpCommand may send. Commands that open a data connection, change the session's security
    /// or log in again would leave the engine's view of the session wrong; each has a cmdlet that does it properly.
    /// </summary>
    public static class RawCommandPolicy
    {
        private static readonly Dictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["LIST"] = "it needs a data connection; use Get-FtpChildItem",
            ["NLST"] = "it needs a data connection; use Get-FtpChildItem",
            ["MLSD"] = "it needs a data connection; use Get-FtpChildItem",
            ["RETR"] = "it needs a data connection; use Receive-FtpItem",
            ["STOR"] = "it needs a data connection; use Send-FtpItem",
            ["STOU"] = "it needs a data connection; use Send-FtpItem",
            ["APPE"] = "it needs a data connection; use Send-FtpItem -IfExists Append",
            ["AUTH"] = "it changes the session's encryption; use Connect-FtpServer -Encryption",
            ["CCC"] = "it changes the session's encryption; use Connect-FtpServer -Encryption",
            ["PBSZ"] = "it changes the session's encryption; use Connect-FtpServer -Encryption",
            ["PROT"] = "it changes the session's encryption; use Connect-FtpServer -Encryption",
            ["USER"] = "it logs in again; use Connect-FtpServer -Credential",
            ["PASS"] = "it logs in again; use Connect-FtpServer -Credential",
            ["REIN"] = "it resets the login; use Connect-FtpServer",
            ["QUIT"] = "it ends the session; use Disconnect-FtpServer",
        };

        /// <summary>Null when the command may be sent, otherwise why not.</summary>
        public static string? WhyRefused(string command)
        {
            FtpCommandText.Validate(command);
            var trimmed = command.Trim();
            var space = trimmed.IndexOf(' ');
            var verb = space < 0 ? trimmed : trimmed.Substring(0, space);
            return Refused.TryGetValue(verb, out var reason) ? "Invoke-FtpCommand does not send " + verb.ToUpperInvariant() + ": " + reason + "." : null;
        }
    }
}

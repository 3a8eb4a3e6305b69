using System.Net;
using System.Security;

namespace FtpTools.Sftp
{
    internal static class SecureText
    {
        /// <summary>SSH.NET takes passwords and passphrases as strings; this is the one place they are unwrapped.</summary>
        public static string? Reveal(SecureString? secure) => secure is null || secure.Length == 0 ? null : new NetworkCredential(string.Empty, secure).Password;
    }
}

using System;

namespace FtpTools.Engine
{
    /// <summary>Rules for the text of a command line: no CR or LF inside (command injection), and PASS masked wherever a command is shown.</summary>
    public static class FtpCommandText
    {
        public const string MaskedPassword = "PASS ********";

        /// <summary>Throws when the command cannot be sent as one line.</summary>
        public static void Validate(string command)
        {
            if (command is null) throw new ArgumentNullException(nameof(command));
            if (command.Length == 0) throw new ArgumentException("An FTP command cannot be empty.", nameof(command));
            if (command.IndexOf('\r') >= 0 || command.IndexOf('\n') >= 0)
                throw new ArgumentException("An FTP command or path cannot contain a carriage return or line feed: it would let one argument send a second command.", nameof(command));
        }

        /// <summary>The command as it may be shown in logs and errors.</summary>
        public static string Mask(string command)
        {
            if (command.Length >= 4 && string.Compare(command, 0, "PASS", 0, 4, StringComparison.OrdinalIgnoreCase) == 0
                && (command.Length == 4 || command[4] == ' '))
                return MaskedPassword;
            return command;
        }
    }
}

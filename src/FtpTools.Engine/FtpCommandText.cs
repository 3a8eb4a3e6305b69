using System;

namespace FtpTools.Engine
{
    /// <summary>Rules for the text of a command line: no CR, LF or NUL inside (command injection, truncated arguments), and PASS masked wherever a command is shown.</summary>
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
            // Servers written in C end the argument at a NUL: "DELE keep.txt\0.bak" would act on keep.txt.
            if (command.IndexOf('\0') >= 0)
                throw new ArgumentException("An FTP command or path cannot contain a NUL character: servers would cut the argument short there.", nameof(command));
        }

        /// <summary>Throws when a path given by the caller could not be sent as part of one command line (CR, LF or NUL).</summary>
        public static void ValidatePath(string path)
        {
            if (path.IndexOf('\r') >= 0 || path.IndexOf('\n') >= 0 || path.IndexOf('\0') >= 0)
                throw new ArgumentException("A remote path cannot contain a carriage return, line feed or NUL character: \"" + path.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0")
                    + "\" would send a second command or be cut short by the server. Nothing was sent.", nameof(path));
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

using System;
using System.Collections.Generic;
using System.Text;

namespace FtpTools.Engine.Tests.Faults
{
    /// <summary>
    /// Scripts for ScriptedFtpServer: EPSV, and data commands (LIST, RETR, ...) answered from a table of command lines to
    /// data. A command in the table gets 150, its data and 226; a command in Refused gets its reply and no data.
    /// </summary>
    internal sealed class ScriptedListings
    {
        public Dictionary<string, string> Data { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public Dictionary<string, string> Refused { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Replies to other commands (CWD, SIZE, DELE, ...), by exact line; a line not here gets 502.</summary>
        public Dictionary<string, string> Replies { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> DataCommands { get; } = new List<string>();

        public string? Answer(string line, ScriptedFtpServer.ScriptedSession session)
        {
            var login = ScriptedFtpServer.Login(line);
            if (login != null) return login;
            if (line == "EPSV") return "229 Entering Extended Passive Mode (|||" + session.OpenPassive() + "|)\r\n";
            if (Data.TryGetValue(line, out var data))
            {
                lock (DataCommands) DataCommands.Add(line);
                session.Write("150 Here it comes\r\n");
                session.SendData(Encoding.UTF8.GetBytes(data));
                return "226 Done\r\n";
            }

            if (Refused.TryGetValue(line, out var refusal))
            {
                lock (DataCommands) DataCommands.Add(line);
                session.Passive?.Stop();
                return refusal + "\r\n";
            }

            return Replies.TryGetValue(line, out var reply) ? reply + "\r\n" : "502 Not scripted\r\n";
        }

        public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

        public static string File(string name, long size = 1) => "-rw-r--r--    1 1000     1000     " + size.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(8) + " Nov 21 05:05 " + name;

        public static string Dir(string name) => "drwxr-xr-x    2 1000     1000         4096 Nov 21 05:05 " + name;
    }
}

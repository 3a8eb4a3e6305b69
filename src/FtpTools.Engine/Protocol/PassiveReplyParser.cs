using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace FtpTools.Engine
{
    /// <summary>Parses the address and port from 227 (PASV, RFC 959) and 229 (EPSV, RFC 2428) replies.</summary>
    public static class PassiveReplyParser
    {
        // [0-9], not \d: \d also matches other scripts' digits ("١"), which int.Parse then refuses with a FormatException.
        private static readonly Regex SixNumbers = new Regex(@"([0-9]{1,3}),\s*([0-9]{1,3}),\s*([0-9]{1,3}),\s*([0-9]{1,3}),\s*([0-9]{1,3}),\s*([0-9]{1,3})", RegexOptions.CultureInvariant);

        /// <summary>"227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)." with or without parentheses.</summary>
        public static IPEndPoint ParsePasv(FtpReply reply)
        {
            if (reply.Code != 227) throw Malformed(reply, "PASV");
            var match = SixNumbers.Match(reply.Message);
            if (!match.Success) throw Malformed(reply, "PASV");
            var parts = new byte[6];
            for (var i = 0; i < 6; i++)
            {
                var value = int.Parse(match.Groups[i + 1].Value, CultureInfo.InvariantCulture);
                if (value > 255) throw Malformed(reply, "PASV");
                parts[i] = (byte)value;
            }

            var address = new IPAddress(new[] { parts[0], parts[1], parts[2], parts[3] });
            return new IPEndPoint(address, parts[4] * 256 + parts[5]);
        }

        /// <summary>"229 Entering Extended Passive Mode (|||port|)"; the delimiter is whatever character follows '('.</summary>
        public static int ParseEpsvPort(FtpReply reply)
        {
            if (reply.Code != 229) throw Malformed(reply, "EPSV");
            var text = reply.Message;
            var open = text.IndexOf('(');
            var close = text.LastIndexOf(')');
            if (open < 0 || close < open + 5) throw Malformed(reply, "EPSV");
            var inner = text.Substring(open + 1, close - open - 1);
            var delimiter = inner[0];
            var fields = inner.Split(delimiter);
            // "|||port|" splits into: "", "", "", "port", ""
            if (fields.Length != 5 || fields[1].Length != 0 || fields[2].Length != 0) throw Malformed(reply, "EPSV");
            if (!int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535)
                throw Malformed(reply, "EPSV");
            return port;
        }

        private static FtpProtocolException Malformed(FtpReply reply, string command) =>
            new FtpProtocolException("The server's " + command + " reply does not contain a valid address and port: \"" + reply + "\".", FtpPhase.DataConnection, command, reply);
    }
}

using System;
using System.Collections.Generic;

namespace FtpTools.Engine
{
    /// <summary>One complete server reply: the three-digit code and every line of text (code prefixes removed from the first and last line).</summary>
    public sealed class FtpReply
    {
        public FtpReply(int code, IReadOnlyList<string> lines)
        {
            if (code < 100 || code > 599) throw new ArgumentOutOfRangeException(nameof(code), code, "An FTP reply code has three digits from 100 to 599.");
            Code = code;
            Lines = lines ?? throw new ArgumentNullException(nameof(lines));
        }

        public int Code { get; }

        public IReadOnlyList<string> Lines { get; }

        /// <summary>The reply text without codes, lines joined with a newline.</summary>
        public string Message => string.Join("\n", Lines);

        public bool IsPositivePreliminary => Code >= 100 && Code < 200;

        public bool IsPositiveCompletion => Code >= 200 && Code < 300;

        public bool IsPositiveIntermediate => Code >= 300 && Code < 400;

        public bool IsTransientNegative => Code >= 400 && Code < 500;

        public bool IsPermanentNegative => Code >= 500;

        /// <summary>"550 Permission denied" for use inside a sentence: the code and the last line of text without its closing full stop.</summary>
        public string Summary
        {
            get
            {
                var text = string.Empty;
                for (var i = Lines.Count - 1; i >= 0; i--)
                {
                    if (Lines[i].Trim().Length == 0) continue;
                    text = Lines[i].Trim().TrimEnd('.');
                    break;
                }

                return text.Length == 0 ? Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : Code + " " + text;
            }
        }

        public override string ToString() => Code + " " + Message;
    }
}

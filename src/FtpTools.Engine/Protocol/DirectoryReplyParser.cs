namespace FtpTools.Engine
{
    /// <summary>Reads the path from a 257 reply (PWD, MKD): the text between the first quote and its closing quote, with "" meaning one quote (RFC 959 appendix II).</summary>
    public static class DirectoryReplyParser
    {
        public static string? ParsePath(FtpReply reply)
        {
            var text = reply.Lines[0];
            var open = text.IndexOf('"');
            if (open < 0) return null;
            var builder = new System.Text.StringBuilder();
            for (var i = open + 1; i < text.Length; i++)
            {
                if (text[i] != '"')
                {
                    builder.Append(text[i]);
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    builder.Append('"');
                    i++;
                    continue;
                }

                return builder.ToString();
            }

            return null;
        }
    }
}

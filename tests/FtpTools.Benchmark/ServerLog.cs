using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace FtpTools.Benchmark;

/// <summary>
/// vsftpd's protocol log (log_ftp_protocol=YES: one "FTP command: Client "ADDR", "VERB ..."" line per command). Read
/// from a mark, it shows what any client sent, curl and lftp included, and how many data connections it asked for.
/// </summary>
internal sealed class ServerLog
{
    private static readonly Regex Command = new("FTP command: Client \"[^\"]*\", \"(?<verb>[A-Za-z]+)", RegexOptions.Compiled);

    private readonly string _path;

    public ServerLog(string path)
    {
        _path = path;
    }

    public long Mark() => File.Exists(_path) ? new FileInfo(_path).Length : 0;

    /// <summary>Commands logged since the mark (login included) and those that open a data connection.</summary>
    public (int Commands, int DataConnections) CountSince(long mark)
    {
        if (!File.Exists(_path))
        {
            return (0, 0);
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(mark, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        int commands = 0;
        int dataConnections = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            Match match = Command.Match(line);
            if (!match.Success)
            {
                continue;
            }

            commands++;
            if (match.Groups["verb"].Value.ToUpperInvariant() is "EPSV" or "PASV" or "EPRT" or "PORT")
            {
                dataConnections++;
            }
        }

        return (commands, dataConnections);
    }
}

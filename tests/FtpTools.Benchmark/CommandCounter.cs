using System;
using FtpTools.Engine;

namespace FtpTools.Benchmark;

/// <summary>Counts the commands FtpClient sends (its trace), and among them those that open a data connection.</summary>
internal sealed class CommandCounter
{
    private static readonly string[] DataConnectionCommands = { "EPSV", "PASV", "EPRT", "PORT" };

    public int Commands { get; private set; }

    public int DataConnections { get; private set; }

    public void Observe(FtpTraceEntry entry)
    {
        if (entry.Direction != FtpTraceDirection.Sent)
        {
            return;
        }

        Commands++;
        string verb = entry.Text.Split(' ', 2)[0];
        if (Array.IndexOf(DataConnectionCommands, verb.ToUpperInvariant()) >= 0)
        {
            DataConnections++;
        }
    }

    /// <summary>Forgets what login and connection set-up sent, so only the transfer's own commands are counted.</summary>
    public void Reset()
    {
        Commands = 0;
        DataConnections = 0;
    }
}

using System.Globalization;

namespace FtpTools.Benchmark;

/// <summary>
/// What one tree transfer cost in round trips on the control connection: commands sent (from the client's trace, after
/// login) and data connections opened (EPSV/PASV/EPRT/PORT commands), for Files files.
/// </summary>
internal sealed record RoundTrips(int Commands, int DataConnections, int Files)
{
    public string CommandsPerFile => PerFile(Commands);

    public string DataConnectionsPerFile => PerFile(DataConnections);

    private string PerFile(int count) => Files == 0 ? "n/a" : ((double)count / Files).ToString("0.00", CultureInfo.InvariantCulture);
}

using FtpTools.Engine;

namespace FtpTools.NetnsProbe;

/// <summary>What a session that listed, uploaded and downloaded reports.</summary>
public sealed record ProbeSuccess(FtpDataConnectionMode Mode, string? TlsProtocol, string? TlsCipherSuite, int ListedItems, int Bytes);

using System;

namespace FtpTools.Benchmark;

/// <summary>One row group of the table: a kind of transfer (or the listing of one folder) over plain FTP, explicit TLS or SFTP.</summary>
internal sealed record Scenario(TransferKind Kind, Transport Transport)
{
    public string Name => KindName(Kind) + " " + TransportName(Transport);

    public bool Tls => Transport == Transport.FtpTls;

    public bool IsSftp => Transport == Transport.Sftp;

    public bool IsTree => Kind is TransferKind.TreeUpload or TransferKind.TreeDownload;

    public bool IsLarge => Kind is TransferKind.LargeDownload or TransferKind.LargeUpload;

    public bool IsListing => Kind == TransferKind.Listing;

    public bool IsUpload => Kind is TransferKind.LargeUpload or TransferKind.TreeUpload;

    public static string KindName(TransferKind kind) => kind switch
    {
        TransferKind.LargeDownload => "large-download",
        TransferKind.LargeUpload => "large-upload",
        TransferKind.TreeUpload => "tree-upload",
        TransferKind.TreeDownload => "tree-download",
        TransferKind.Listing => "listing",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static TransferKind ParseKind(string name) => name switch
    {
        "large-download" => TransferKind.LargeDownload,
        "large-upload" => TransferKind.LargeUpload,
        "tree-upload" => TransferKind.TreeUpload,
        "tree-download" => TransferKind.TreeDownload,
        "listing" => TransferKind.Listing,
        _ => throw new ArgumentException("unknown transfer kind '" + name + "'"),
    };

    public static string TransportName(Transport transport) => transport switch
    {
        Transport.FtpPlain => "plain",
        Transport.FtpTls => "tls",
        Transport.Sftp => "sftp",
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    public static Transport ParseTransport(string name) => name switch
    {
        "plain" => Transport.FtpPlain,
        "tls" => Transport.FtpTls,
        "sftp" => Transport.Sftp,
        _ => throw new ArgumentException("unknown transport '" + name + "' (plain, tls, sftp)"),
    };
}

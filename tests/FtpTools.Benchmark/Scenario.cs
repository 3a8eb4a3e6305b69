using System;

namespace FtpTools.Benchmark;

/// <summary>One row group of the table: a kind of transfer over plain FTP or explicit TLS.</summary>
internal sealed record Scenario(TransferKind Kind, bool Tls)
{
    public string Name => KindName(Kind) + (Tls ? " tls" : " plain");

    public bool IsTree => Kind is TransferKind.TreeUpload or TransferKind.TreeDownload;

    public bool IsUpload => Kind is TransferKind.LargeUpload or TransferKind.TreeUpload;

    public static string KindName(TransferKind kind) => kind switch
    {
        TransferKind.LargeDownload => "large-download",
        TransferKind.LargeUpload => "large-upload",
        TransferKind.TreeUpload => "tree-upload",
        TransferKind.TreeDownload => "tree-download",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static TransferKind ParseKind(string name) => name switch
    {
        "large-download" => TransferKind.LargeDownload,
        "large-upload" => TransferKind.LargeUpload,
        "tree-upload" => TransferKind.TreeUpload,
        "tree-download" => TransferKind.TreeDownload,
        _ => throw new ArgumentException("unknown transfer kind '" + name + "'"),
    };
}

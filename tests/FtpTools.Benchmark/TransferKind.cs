namespace FtpTools.Benchmark;

internal enum TransferKind
{
    LargeDownload,
    LargeUpload,
    TreeUpload,
    TreeDownload,
    Listing,
}

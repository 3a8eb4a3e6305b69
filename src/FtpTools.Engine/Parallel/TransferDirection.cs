namespace FtpTools.Engine.Parallel
{
    public enum TransferDirection
    {
        Download,
        Upload,
    }
}

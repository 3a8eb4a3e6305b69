namespace FtpTools.Engine.Files
{
    /// <summary>A transferred file that is not what was sent (-Verify): its size or its hash differs. The file was not published under its final name.</summary>
    public sealed class TransferVerificationException : FtpException
    {
        public TransferVerificationException(string message, string remotePath)
            : base(message, FtpPhase.Transfer, null, null, true)
        {
            RemotePath = remotePath;
            Cause = FtpFailureCause.VerificationFailed;
        }
    }
}

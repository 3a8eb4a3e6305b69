namespace FtpTools.Engine.Sftp
{
    /// <summary>SFTP status codes (draft-ietf-secsh-filexfer-02, version 3), as servers answer a request they refuse.</summary>
    public enum SftpStatus
    {
        Ok = 0,
        Eof = 1,
        NoSuchFile = 2,
        PermissionDenied = 3,
        Failure = 4,
        BadMessage = 5,
        NoConnection = 6,
        ConnectionLost = 7,
        OperationUnsupported = 8,
    }
}

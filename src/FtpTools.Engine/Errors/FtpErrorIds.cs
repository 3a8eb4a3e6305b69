namespace FtpTools.Engine
{
    /// <summary>The stable error ids the module reports (FullyQualifiedErrorId prefix); scripts may match on them.</summary>
    public static class FtpErrorIds
    {
        public const string ConnectFailed = "FtpTools.ConnectFailed";
        public const string LoginFailed = "FtpTools.LoginFailed";
        public const string TlsFailed = "FtpTools.TlsFailed";
        public const string ItemNotFound = "FtpTools.ItemNotFound";
        public const string PermissionDenied = "FtpTools.PermissionDenied";
        public const string TransferFailed = "FtpTools.TransferFailed";
        public const string DataConnectionFailed = "FtpTools.DataConnectionFailed";
        public const string CommandFailed = "FtpTools.CommandFailed";
        public const string UnsafeRemoteName = "FtpTools.UnsafeRemoteName";
        public const string DestinationExists = "FtpTools.DestinationExists";
        public const string NoSession = "FtpTools.NoSession";
        public const string InvalidArgument = "FtpTools.InvalidArgument";
        public const string UnparsedListingLine = "FtpTools.UnparsedListingLine";
        public const string HostKeyNotTrusted = "FtpTools.HostKeyNotTrusted";
        public const string DirectoryNotEmpty = "FtpTools.DirectoryNotEmpty";
        public const string ModificationTimeNotKept = "FtpTools.ModificationTimeNotKept";
        public const string HashNotAvailable = "FtpTools.HashNotAvailable";
        public const string VerificationFailed = "FtpTools.VerificationFailed";
        public const string FewerConnections = "FtpTools.FewerConnections";
    }
}

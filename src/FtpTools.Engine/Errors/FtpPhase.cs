namespace FtpTools.Engine
{
    /// <summary>Where in the life of a session a failure happened; the module maps it to error categories.</summary>
    public enum FtpPhase
    {
        Connect,
        Tls,
        Login,
        Command,
        DataConnection,
        Transfer,
        Listing,
        Disconnect,
    }
}

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>The data connection variants tried, in order, and how each is configured in the engine.</summary>
    public sealed class ProbeDataConnection
    {
        public static readonly ProbeDataConnection ExtendedPassive = new ProbeDataConnection("EPSV", FtpDataConnectionMode.ExtendedPassive, false);
        public static readonly ProbeDataConnection PassiveControlAddress = new ProbeDataConnection("PASV", FtpDataConnectionMode.Passive, false);
        public static readonly ProbeDataConnection PassiveServerAddress = new ProbeDataConnection("PASV (server's address)", FtpDataConnectionMode.Passive, true);
        public static readonly ProbeDataConnection Active = new ProbeDataConnection("Active", FtpDataConnectionMode.Active, false);

        public static readonly ProbeDataConnection[] InOrder = { ExtendedPassive, PassiveControlAddress, PassiveServerAddress, Active };

        private ProbeDataConnection(string name, FtpDataConnectionMode mode, bool useServerPassiveAddress)
        {
            Name = name;
            Mode = mode;
            UseServerPassiveAddress = useServerPassiveAddress;
        }

        public string Name { get; }

        public FtpDataConnectionMode Mode { get; }

        public bool UseServerPassiveAddress { get; }

        /// <summary>What Connect-FtpServer's -DataConnection should say for this variant: Auto (EPSV, else PASV) covers both passive variants.</summary>
        public FtpDataConnectionMode RecommendedMode => Mode == FtpDataConnectionMode.Active ? FtpDataConnectionMode.Active : this == ExtendedPassive ? FtpDataConnectionMode.Auto : FtpDataConnectionMode.Passive;

        public override string ToString() => Name;
    }
}

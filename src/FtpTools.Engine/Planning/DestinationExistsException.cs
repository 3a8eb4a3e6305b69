using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>The target of a transfer, rename or move already exists and -IfExists Fail was asked for.</summary>
    public sealed class DestinationExistsException : Exception
    {
        public DestinationExistsException(string destination)
            : base("The destination '" + destination + "' already exists. Use -IfExists Overwrite, Skip or Resume to proceed.")
        {
            Destination = destination;
        }

        public string Destination { get; }
    }
}

using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>The target of a transfer, rename or move already exists and nothing may replace it; Advice says what can be done.</summary>
    public sealed class DestinationExistsException : Exception
    {
        public DestinationExistsException(string destination)
            : this(destination, "Use -IfExists Overwrite, Skip or Resume to proceed.")
        {
        }

        public DestinationExistsException(string destination, string advice)
            : base("The destination '" + destination + "' already exists. " + advice)
        {
            Destination = destination;
            Advice = advice;
        }

        public string Destination { get; }

        /// <summary>What the user can do: the -IfExists values of the command, or, for a rename or move (which never overwrite), how to make room.</summary>
        public string Advice { get; }

        /// <summary>-IfExists Fail on a download.</summary>
        public static DestinationExistsException ForDownload(string localPath) => new DestinationExistsException(localPath, "Use -IfExists Overwrite, Skip or Resume to proceed.");

        /// <summary>-IfExists Fail on an upload.</summary>
        public static DestinationExistsException ForUpload(string remotePath) => new DestinationExistsException(remotePath, "Use -IfExists Overwrite, Skip, Resume or Append to proceed.");

        /// <summary>A rename or move onto an existing item.</summary>
        public static DestinationExistsException ForRename(string remotePath) =>
            new DestinationExistsException(remotePath, "Renaming and moving never overwrite: remove or rename the existing item first, or choose another name.");
    }
}

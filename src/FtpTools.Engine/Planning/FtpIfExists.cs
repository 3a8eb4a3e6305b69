namespace FtpTools.Engine.Planning
{
    /// <summary>What a transfer does when its target already exists.</summary>
    public enum FtpIfExists
    {
        /// <summary>Replace the target.</summary>
        Overwrite,

        /// <summary>Leave the target alone and move on.</summary>
        Skip,

        /// <summary>Report a DestinationExists error for this item.</summary>
        Fail,

        /// <summary>Continue an interrupted transfer; skip a target that is already complete.</summary>
        Resume,

        /// <summary>Uploads only: add to the end of the remote file.</summary>
        Append,
    }
}

using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Files
{
    /// <summary>
    /// Send-FtpItem -Atomic: the file is written as ".&lt;name&gt;.ftptools-partial" in the target folder (a dot name that
    /// watchers and listings usually skip, the same every run so that -IfExists Resume can continue it), and renamed over
    /// the final name once complete and verified.
    /// </summary>
    public static class AtomicUpload
    {
        public const string Suffix = ".ftptools-partial";

        public static string TemporaryPathFor(string remotePath)
        {
            var parent = FtpPath.GetParent(remotePath);
            return FtpPath.Combine(parent, "." + FtpPath.GetName(remotePath) + Suffix);
        }

        /// <param name="finalExists">Whether a file has the final name; null when it was not looked up (Overwrite need not know).</param>
        /// <param name="finalLength">Its length, null when unknown.</param>
        /// <param name="temporaryLength">Length of the temporary file of an earlier run, null when there is none.</param>
        public static TransferDecision Decide(FtpIfExists mode, bool? finalExists, long? finalLength, long? temporaryLength, long localLength)
        {
            var exists = finalExists == true;
            switch (mode)
            {
                case FtpIfExists.Skip:
                    if (exists) return new TransferDecision(TransferAction.Skip, "the remote file exists (-IfExists Skip)");
                    break;
                case FtpIfExists.Fail:
                    if (exists) return new TransferDecision(TransferAction.Fail, "the remote file exists (-IfExists Fail)");
                    break;
                case FtpIfExists.Resume:
                    if (temporaryLength is long partial && partial > 0)
                    {
                        if (partial == localLength) return new TransferDecision(TransferAction.CompletePartial, "the temporary file of an earlier upload is complete; publishing it", partial);
                        if (partial < localLength)
                            return new TransferDecision(TransferAction.Transfer, "resuming the temporary file at byte " + partial + " of " + localLength, partial, FtpUploadMode.Resume);
                        return new TransferDecision(TransferAction.Transfer, "the temporary file is longer than the local file; starting over");
                    }

                    if (exists && finalLength == localLength) return new TransferDecision(TransferAction.Skip, "the remote file already has the local file's length");
                    break;
                case FtpIfExists.Append:
                    throw new System.ArgumentException("-Atomic cannot append: the file is published by renaming a complete copy over the final name. Use -IfExists Overwrite or Resume.", nameof(mode));
            }

            if (finalExists is null) return new TransferDecision(TransferAction.Transfer, "uploading under a temporary name first; it replaces an existing remote file when complete");
            return new TransferDecision(TransferAction.Transfer, exists ? "uploading a temporary copy that will replace the remote file" : "new file, uploaded under a temporary name first");
        }
    }
}

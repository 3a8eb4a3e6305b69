using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>Turns -IfExists and what is already on both sides into one decision per file.</summary>
    public static class IfExistsPolicy
    {
        /// <param name="finalLength">Length of the local target file, null when it does not exist.</param>
        /// <param name="partialLength">Length of the local ".ftptools-partial" file, null when there is none.</param>
        /// <param name="remoteLength">Length of the remote file, null when the server did not say.</param>
        public static TransferDecision ForDownload(FtpIfExists mode, long? finalLength, long? partialLength, long? remoteLength)
        {
            var exists = finalLength.HasValue;
            switch (mode)
            {
                case FtpIfExists.Overwrite:
                    return new TransferDecision(TransferAction.Transfer, exists ? "replacing the existing file" : "new file");
                case FtpIfExists.Skip:
                    return exists ? new TransferDecision(TransferAction.Skip, "the file exists (-IfExists Skip)") : new TransferDecision(TransferAction.Transfer, "new file");
                case FtpIfExists.Fail:
                    return exists ? new TransferDecision(TransferAction.Fail, "the file exists (-IfExists Fail)") : new TransferDecision(TransferAction.Transfer, "new file");
                case FtpIfExists.Resume:
                    if (exists && remoteLength.HasValue && finalLength == remoteLength)
                        return new TransferDecision(TransferAction.Skip, "the file exists with the remote file's length");
                    if (partialLength is long partial && partial > 0)
                    {
                        if (!remoteLength.HasValue)
                            return new TransferDecision(TransferAction.Transfer, "resuming at byte " + partial, partial);
                        if (partial == remoteLength.Value)
                            return new TransferDecision(TransferAction.CompletePartial, "the partial file is already complete", partial);
                        if (partial < remoteLength.Value)
                            return new TransferDecision(TransferAction.Transfer, "resuming at byte " + partial + " of " + remoteLength.Value, partial);
                        return new TransferDecision(TransferAction.Transfer, "the partial file is longer than the remote file; starting over");
                    }

                    return new TransferDecision(TransferAction.Transfer, exists ? "the file exists with a different length; downloading again" : "new file");
                case FtpIfExists.Append:
                    throw new ArgumentException("-IfExists Append applies to uploads only.", nameof(mode));
                default:
                    throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
            }
        }

        /// <param name="remoteExists">Whether the remote target exists; null when it was not looked up (Overwrite and Append need not know).</param>
        /// <param name="remoteLength">Its length, null when unknown.</param>
        public static TransferDecision ForUpload(FtpIfExists mode, bool? remoteExists, long? remoteLength, long localLength)
        {
            switch (mode)
            {
                case FtpIfExists.Overwrite:
                    return new TransferDecision(TransferAction.Transfer, remoteExists is null ? "uploading; an existing remote file is replaced" : remoteExists.Value ? "replacing the remote file" : "new file");
                case FtpIfExists.Append:
                    return new TransferDecision(TransferAction.Transfer,
                        remoteExists is null ? "appending; a missing remote file is created" : remoteExists.Value ? "appending to the remote file" : "new file", 0, FtpUploadMode.Append);
            }

            var exists = remoteExists ?? throw new ArgumentNullException(nameof(remoteExists), "-IfExists " + mode + " needs to know whether the remote file exists.");
            switch (mode)
            {
                case FtpIfExists.Skip:
                    return exists ? new TransferDecision(TransferAction.Skip, "the remote file exists (-IfExists Skip)") : new TransferDecision(TransferAction.Transfer, "new file");
                case FtpIfExists.Fail:
                    return exists ? new TransferDecision(TransferAction.Fail, "the remote file exists (-IfExists Fail)") : new TransferDecision(TransferAction.Transfer, "new file");
                case FtpIfExists.Resume:
                    if (!exists) return new TransferDecision(TransferAction.Transfer, "new file");
                    if (!remoteLength.HasValue) return new TransferDecision(TransferAction.Transfer, "resuming after the remote file's current end", 0, FtpUploadMode.Resume);
                    if (remoteLength.Value == localLength) return new TransferDecision(TransferAction.Skip, "the remote file already has the local file's length");
                    if (remoteLength.Value < localLength)
                        return new TransferDecision(TransferAction.Transfer, "resuming at byte " + remoteLength.Value + " of " + localLength, remoteLength.Value, FtpUploadMode.Resume);
                    return new TransferDecision(TransferAction.Transfer, "the remote file is longer than the local file; replacing it");
                default:
                    throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
            }
        }
    }
}

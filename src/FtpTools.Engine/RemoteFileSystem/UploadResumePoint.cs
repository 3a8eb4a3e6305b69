using System;
using System.IO;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>Where a resumed upload continues, the same for every protocol: at the remote file's size, the source seeked there.</summary>
    public static class UploadResumePoint
    {
        /// <summary>Reads the remote size (none: 0), checks it against the source and seeks the source there. Returns the offset.</summary>
        public static long SeekSourceToRemoteSize(IRemoteFileSystem fileSystem, Stream source, string target, CancellationToken cancellationToken)
        {
            if (fileSystem is null) throw new ArgumentNullException(nameof(fileSystem));
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (!source.CanSeek) throw new ArgumentException("Resuming an upload needs a seekable source stream.", nameof(source));
            var offset = fileSystem.GetSize(target, cancellationToken) ?? 0;
            if (offset > source.Length)
                throw new FtpException("The remote file " + target + " (" + offset + " bytes) is larger than the local file (" + source.Length + " bytes); it cannot be resumed from it.", FtpPhase.Transfer) { RemotePath = target };
            source.Seek(offset, SeekOrigin.Begin);
            return offset;
        }
    }
}

using System;
using System.Threading;

namespace FtpTools.Engine
{
    public static class RemoteFileSystemListing
    {
        /// <summary>
        /// The whole listing in memory: a collector over the streaming <see cref="IRemoteFileSystem.ListDirectory(string, IFtpListingVisitor, CancellationToken)"/>.
        /// For code that acts on entries while it goes through them (that needs the connection, which a streamed FTP listing holds).
        /// </summary>
        public static FtpListing ListDirectory(this IRemoteFileSystem fileSystem, string? path, CancellationToken cancellationToken)
        {
            if (fileSystem is null) throw new ArgumentNullException(nameof(fileSystem));
            var collector = new FtpListingCollector();
            var counts = fileSystem.ListDirectory(path, collector, cancellationToken);
            return collector.ToListing(counts);
        }
    }
}

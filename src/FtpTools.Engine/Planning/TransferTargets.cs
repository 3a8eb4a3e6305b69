using System;
using System.IO;

namespace FtpTools.Engine.Planning
{
    /// <summary>Where a transferred file lands, following Copy-Item's rules: an existing folder (or several sources) receives the file by its own name, anything else is the new file's name.</summary>
    public static class TransferTargets
    {
        public const string PartialSuffix = ".ftptools-partial";

        /// <summary>The file a download is written to before it is renamed to its final name.</summary>
        public static string PartialPathFor(string finalLocalPath) => finalLocalPath + PartialSuffix;

        public static bool DestinationIsFolder(bool destinationIsExistingFolder, bool destinationEndsWithSeparator, int sourceCount)
            => destinationIsExistingFolder || destinationEndsWithSeparator || sourceCount > 1;

        public static bool EndsWithLocalSeparator(string path) =>
            path.Length > 0 && (path[path.Length - 1] == Path.DirectorySeparatorChar || path[path.Length - 1] == Path.AltDirectorySeparatorChar);

        /// <summary>The local path for a downloaded file. Into a folder the remote name is used, and checked so it cannot escape.</summary>
        public static string ForDownload(string localDestination, bool intoFolder, string remoteName)
        {
            if (localDestination is null) throw new ArgumentNullException(nameof(localDestination));
            return intoFolder ? LocalNameGuard.CombineUnder(localDestination, remoteName) : localDestination;
        }

        /// <summary>The remote path for an uploaded file (remoteDestination is absolute).</summary>
        public static string ForUpload(string remoteDestination, bool intoFolder, string localName)
        {
            if (remoteDestination is null) throw new ArgumentNullException(nameof(remoteDestination));
            if (!intoFolder) return remoteDestination;
            if (string.IsNullOrEmpty(localName) || localName.IndexOf('/') >= 0)
                throw new ArgumentException("The local name '" + localName + "' cannot be used as a remote file name.", nameof(localName));
            return FtpPath.Combine(remoteDestination, localName);
        }

        /// <summary>The remote path of a file found below a local folder being uploaded with -Recurse (relativePath uses local separators).</summary>
        public static string ForUploadBelow(string remoteFolder, string relativeLocalPath)
        {
            var separators = new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
            var path = remoteFolder;
            foreach (var segment in relativeLocalPath.Split(separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment == "." || segment == "..") throw new ArgumentException("The relative path '" + relativeLocalPath + "' leaves its folder.", nameof(relativeLocalPath));
                path = FtpPath.Combine(path, segment);
            }

            return path;
        }
    }
}

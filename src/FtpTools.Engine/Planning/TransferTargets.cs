using System;
using System.IO;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Where transferred items land. One rule, so the same command gives the same layout on every run:
    /// <list type="bullet">
    /// <item>A folder copied with -Recurse always becomes a folder of the same name inside -Destination (created when missing):
    /// "C:\out" to "/x" is "/x/out" on the first run and on every later one. A root ("/", "C:") has no name: its contents go
    /// into -Destination itself.</item>
    /// <item>-Destination is a new file name only for exactly one file named without wildcards as a parameter (not piped), when it
    /// is not an existing folder and does not end with a separator. Otherwise it is a folder (created when missing) and every
    /// file keeps its own name, so a wildcard that happens to match one file never creates a file named like the folder.</item>
    /// </list>
    /// </summary>
    public static class TransferTargets
    {
        public const string PartialSuffix = ".ftptools-partial";

        /// <summary>The file a download is written to before it is renamed to its final name.</summary>
        public static string PartialPathFor(string finalLocalPath) => finalLocalPath + PartialSuffix;

        /// <param name="destinationIsExistingFolder">-Destination is a folder now.</param>
        /// <param name="destinationEndsWithSeparator">-Destination ends with '/' (or a local separator).</param>
        /// <param name="sourceCount">How many items the command transfers at its top level.</param>
        /// <param name="sourcesMayVary">The sources came from a wildcard or the pipeline: how many there are may change from run to run.</param>
        /// <param name="anySourceIsFolder">A folder is among the sources (-Recurse).</param>
        public static bool DestinationIsFolder(bool destinationIsExistingFolder, bool destinationEndsWithSeparator, int sourceCount, bool sourcesMayVary = false, bool anySourceIsFolder = false)
            => destinationIsExistingFolder || destinationEndsWithSeparator || sourceCount != 1 || sourcesMayVary || anySourceIsFolder;

        /// <summary>The remote folder a local folder named folderName is copied to: inside remoteDestination, or remoteDestination itself for a root (empty name).</summary>
        public static string RemoteFolderFor(string remoteDestination, string folderName)
        {
            if (remoteDestination is null) throw new ArgumentNullException(nameof(remoteDestination));
            return string.IsNullOrEmpty(folderName) ? remoteDestination : ForUpload(remoteDestination, true, folderName);
        }

        /// <summary>The local folder a remote folder is copied to: inside localDestination under its (checked) name, or localDestination itself for "/".</summary>
        public static string LocalFolderFor(string localDestination, string remoteFolderFullName)
        {
            if (localDestination is null) throw new ArgumentNullException(nameof(localDestination));
            if (remoteFolderFullName is null) throw new ArgumentNullException(nameof(remoteFolderFullName));
            var trimmed = FtpPath.TrimTrailingSlash(remoteFolderFullName);
            return trimmed == "/" ? localDestination : LocalNameGuard.CombineUnder(localDestination, FtpPath.GetName(trimmed));
        }

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

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpTools.Engine.Planning
{
    /// <summary>
    /// Walks a local folder: its files (ordinal name order), then each subfolder followed by its contents, so parents always come
    /// before children. Reparse points (junctions, symbolic links) are reported but not followed, so a loop cannot trap the walk.
    /// </summary>
    public sealed class LocalTreeWalker
    {
        /// <summary>Called for a folder that is a link and so is not walked into.</summary>
        public Action<string>? LinkSkipped { get; set; }

        /// <summary>Called when a folder below the start cannot be read; the walk goes on. When null the exception propagates. The start folder's failure always propagates.</summary>
        public Action<string, Exception>? FolderFailed { get; set; }

        /// <summary>Decides from a folder's relative path whether it is walked into (null: every one); the folder itself is still reported.</summary>
        public Func<string, bool>? ShouldDescend { get; set; }

        public IEnumerable<LocalWalkEntry> Walk(string root)
        {
            if (root is null) throw new ArgumentNullException(nameof(root));
            return WalkFolder(root, string.Empty, true);
        }

        private IEnumerable<LocalWalkEntry> WalkFolder(string folder, string relativeFolder, bool isStart)
        {
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
            }
            catch (Exception exception) when (!isStart && FolderFailed != null && (exception is IOException || exception is UnauthorizedAccessException || exception is System.Security.SecurityException))
            {
                FolderFailed(folder, exception);
                yield break;
            }

            foreach (var file in entries.OfType<FileInfo>())
                yield return new LocalWalkEntry(file.FullName, Combine(relativeFolder, file.Name), false, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            foreach (var directory in entries.OfType<DirectoryInfo>())
            {
                if ((directory.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    LinkSkipped?.Invoke(directory.FullName);
                    continue;
                }

                var relative = Combine(relativeFolder, directory.Name);
                yield return new LocalWalkEntry(directory.FullName, relative, true, null, new DateTimeOffset(directory.LastWriteTimeUtc, TimeSpan.Zero));
                if (ShouldDescend != null && !ShouldDescend(relative)) continue;
                foreach (var entry in WalkFolder(directory.FullName, relative, false)) yield return entry;
            }
        }

        private static string Combine(string relativeFolder, string name) => relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;
    }
}

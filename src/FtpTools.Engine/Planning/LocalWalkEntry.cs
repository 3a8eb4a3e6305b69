using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>One file or folder met while walking a local folder.</summary>
    public sealed class LocalWalkEntry
    {
        public LocalWalkEntry(string fullPath, string relativePath, bool isFolder, long? length, DateTimeOffset lastWriteTime)
        {
            FullPath = fullPath;
            RelativePath = relativePath;
            IsFolder = isFolder;
            Length = length;
            LastWriteTime = lastWriteTime;
        }

        public string FullPath { get; }

        /// <summary>The path below the starting folder, '/'-separated ("sub/file.txt") whatever the local OS.</summary>
        public string RelativePath { get; }

        public bool IsFolder { get; }

        /// <summary>Null for a folder.</summary>
        public long? Length { get; }

        /// <summary>In UTC.</summary>
        public DateTimeOffset LastWriteTime { get; }
    }
}

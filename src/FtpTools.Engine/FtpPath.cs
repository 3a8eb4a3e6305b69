using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace FtpTools.Engine
{
    /// <summary>Remote paths are always '/'-separated, whatever the local OS.</summary>
    public static class FtpPath
    {
        [MethodImpl(HotPath.Optimized)]
        public static string Combine(string directory, string name)
        {
            if (string.IsNullOrEmpty(directory)) return name;
            if (name.StartsWith("/", StringComparison.Ordinal)) return name;
            return directory.EndsWith("/", StringComparison.Ordinal) ? directory + name : directory + "/" + name;
        }

        /// <summary>The parent directory of an absolute or relative path ("/a/b" -> "/a", "/a" -> "/", "a" -> "").</summary>
        public static string GetParent(string path)
        {
            var trimmed = TrimTrailingSlash(path);
            var slash = trimmed.LastIndexOf('/');
            if (slash < 0) return string.Empty;
            if (slash == 0) return "/";
            return trimmed.Substring(0, slash);
        }

        public static string GetName(string path)
        {
            var trimmed = TrimTrailingSlash(path);
            var slash = trimmed.LastIndexOf('/');
            return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
        }

        public static string TrimTrailingSlash(string path)
        {
            var end = path.Length;
            while (end > 1 && path[end - 1] == '/') end--;
            return path.Substring(0, end);
        }

        /// <summary>Resolves a path against a working directory and removes "." and ".." segments, giving an absolute path.</summary>
        public static string Normalize(string path, string workingDirectory)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            var absolute = path.StartsWith("/", StringComparison.Ordinal) ? path : Combine(string.IsNullOrEmpty(workingDirectory) ? "/" : workingDirectory, path);
            var segments = new List<string>();
            foreach (var segment in absolute.Split('/'))
            {
                if (segment.Length == 0 || segment == ".") continue;
                if (segment == "..")
                {
                    if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                    continue;
                }

                segments.Add(segment);
            }

            var builder = new StringBuilder();
            foreach (var segment in segments) builder.Append('/').Append(segment);
            return builder.Length == 0 ? "/" : builder.ToString();
        }
    }
}

using System;

namespace FtpTools.Engine.Planning
{
    /// <summary>Paths of remote items relative to the remote folder being walked, as -Include and -Exclude (PathFilter) see them.</summary>
    public static class RemoteRelativePath
    {
        /// <summary>The '/'-separated path of fullName below remoteRoot; fullName itself when it is not below it.</summary>
        public static string Of(string remoteRoot, string fullName)
        {
            if (remoteRoot is null) throw new ArgumentNullException(nameof(remoteRoot));
            if (fullName is null) throw new ArgumentNullException(nameof(fullName));
            var prefix = remoteRoot.EndsWith("/", StringComparison.Ordinal) ? remoteRoot : remoteRoot + "/";
            return fullName.StartsWith(prefix, StringComparison.Ordinal) ? fullName.Substring(prefix.Length) : fullName;
        }
    }
}

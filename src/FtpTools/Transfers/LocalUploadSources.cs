using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using FtpTools.Engine.Planning;

namespace FtpTools
{
    /// <summary>
    /// Send-FtpItem's local items, resolved through PowerShell's file system provider as the pipeline brings them (-Path with
    /// wildcards, -LiteralPath as given) and kept per session for the plan at the end. A path that names nothing, a folder
    /// without -Recurse, or one outside the file system is that item's error.
    /// </summary>
    internal sealed class LocalUploadSources
    {
        private readonly PSCmdlet cmdlet;
        private readonly bool recurse;
        private readonly Action<FtpSession, Exception, object?> writeItemError;

        public LocalUploadSources(PSCmdlet cmdlet, bool recurse, Action<FtpSession, Exception, object?> writeItemError)
        {
            this.cmdlet = cmdlet;
            this.recurse = recurse;
            this.writeItemError = writeItemError;
        }

        public List<KeyValuePair<FtpSession, UploadSource>> Sources { get; } = new List<KeyValuePair<FtpSession, UploadSource>>();

        /// <summary>A wildcard or the pipeline named some of them: how many there are may change from run to run.</summary>
        public bool MayVary { get; set; }

        /// <summary>The items that -Path (literal false) or -LiteralPath names for the current pipeline object.</summary>
        public void Add(FtpSession session, IEnumerable<string> paths, bool literal)
        {
            foreach (var path in paths)
            {
                if (literal) AddLiteral(session, path);
                else AddWildcard(session, path);
            }
        }

        private void AddLiteral(FtpSession session, string path)
        {
            try
            {
                AddResolved(session, cmdlet.GetUnresolvedProviderPathFromPSPath(path));
            }
            catch (Exception exception) when (FtpCmdlet.IsItemFailure(exception) || (exception is RuntimeException && !(exception is PipelineStoppedException)))
            {
                writeItemError(session, exception is RuntimeException ? new ArgumentException(exception.Message) : exception, path);
            }
        }

        private void AddWildcard(FtpSession session, string path)
        {
            MayVary |= WildcardPattern.ContainsWildcardCharacters(path);
            try
            {
                foreach (var resolved in cmdlet.GetResolvedProviderPathFromPSPath(path, out var provider))
                {
                    if (provider.Name != "FileSystem")
                        throw new ArgumentException("'" + path + "' is not a file system path; Send-FtpItem uploads files.");
                    AddResolved(session, resolved);
                }
            }
            catch (ItemNotFoundException exception)
            {
                writeItemError(session, new FileNotFoundException(exception.Message), path);
            }
            catch (Exception exception) when (FtpCmdlet.IsItemFailure(exception))
            {
                writeItemError(session, exception, path);
            }
        }

        private void AddResolved(FtpSession session, string fullPath)
        {
            if (File.Exists(fullPath))
                Sources.Add(new KeyValuePair<FtpSession, UploadSource>(session, new UploadSource(fullPath, false)));
            else if (!Directory.Exists(fullPath))
                writeItemError(session, new FileNotFoundException("Cannot find the local path '" + fullPath + "' because it does not exist."), fullPath);
            else if (recurse)
                Sources.Add(new KeyValuePair<FtpSession, UploadSource>(session, new UploadSource(fullPath, true)));
            else
                writeItemError(session, new ArgumentException("'" + fullPath + "' is a directory. Use -Recurse to upload it with its contents."), fullPath);
        }
    }
}

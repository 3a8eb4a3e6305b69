using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace FtpTools.Engine
{
    public sealed partial class FtpClient
    {
        private readonly FtpListingParserChain listingParsers = new FtpListingParserChain();

        public FtpListing ListDirectory(string? path, CancellationToken cancellationToken)
        {
            var directory = ResolvePath(path);
            return WithPath(directory, () =>
            {
                var context = new FtpListingContext(directory, Options.Clock);
                var useMlsd = Features.Has("MLST");
                var command = (useMlsd ? "MLSD " : "LIST ") + directory;
                var lines = ReadDataLines(command, directory, cancellationToken);
                var listing = useMlsd ? listingParsers.ParseMlsd(lines, context) : listingParsers.ParseList(lines, context);
                // LIST of a missing directory is an empty success on some servers (vsftpd): tell "empty" from "not there".
                if (listing.Items.Count == 0 && listing.UnparsedLines.Count == 0 && directory != "/" && !DirectoryExists(directory, cancellationToken))
                    throw new FtpCommandException("The remote directory " + directory + " does not exist.", FtpPhase.Listing, command, new FtpReply(550, new[] { directory + ": No such directory." }));
                return listing;
            });
        }

        public IReadOnlyList<string> ListNames(string? path, CancellationToken cancellationToken)
        {
            var directory = ResolvePath(path);
            return WithPath(directory, () =>
                ReadDataLines("NLST " + directory, directory, cancellationToken)
                    .Select(FtpPath.GetName)
                    .Where(name => name != "." && name != "..")
                    .ToList());
        }

        /// <summary>The item at path, or null when nothing is there. MLST where offered; otherwise SIZE and MDTM, and CWD for directories.</summary>
        public FtpListItem? GetItem(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            return WithPath(target, () =>
            {
                if (target == "/") return new FtpListItem("/", "/", FtpItemType.Directory);
                var context = new FtpListingContext(FtpPath.GetParent(target), Options.Clock);
                if (Features.Has("MLST"))
                {
                    var reply = Execute("MLST " + target, cancellationToken);
                    if (reply.Code == 250)
                    {
                        var parsed = listingParsers.ParseMlst(reply.Lines, context);
                        if (parsed != null) return parsed;
                    }
                    else if (reply.Code != 550 && reply.Code != 450)
                    {
                        throw new FtpCommandException(DescribeFailure("MLST " + target, reply), FtpPhase.Command, "MLST " + target, reply);
                    }

                    return null;
                }

                var size = GetSize(target, cancellationToken);
                if (size.HasValue)
                    return new FtpListItem(FtpPath.GetName(target), target, FtpItemType.File) { Length = size, LastWriteTime = GetModifiedTime(target, cancellationToken) };
                return DirectoryExists(target, cancellationToken) ? new FtpListItem(FtpPath.GetName(target), target, FtpItemType.Directory) : null;
            });
        }

        public bool Exists(string path, CancellationToken cancellationToken) => GetItem(path, cancellationToken) != null;

        /// <summary>SIZE (RFC 3659); null when the server says the file is not there (or is a directory).</summary>
        public long? GetSize(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            var reply = Execute("SIZE " + target, cancellationToken);
            if (reply.Code == 213 && long.TryParse(reply.Message.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return size;
            if (reply.Code == 550 || reply.Code == 450 || reply.Code == 501) return null;
            throw new FtpCommandException(DescribeFailure("SIZE " + target, reply), FtpPhase.Command, "SIZE " + target, reply) { RemotePath = target };
        }

        /// <summary>MDTM (RFC 3659), in UTC; null when the server has no time for it.</summary>
        public DateTimeOffset? GetModifiedTime(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            var reply = Execute("MDTM " + target, cancellationToken);
            if (reply.Code == 213 && MlsdParser.TryParseTimeVal(reply.Message.Trim(), out var time)) return time;
            return null;
        }

        public void CreateDirectory(string path, bool createParents, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            WithPath(target, () =>
            {
                if (target == "/") return 0;
                var reply = Execute("MKD " + target, cancellationToken);
                if (reply.Code == 257 || reply.Code == 250) return 0;
                if (createParents && reply.IsPermanentNegative)
                {
                    // Already there (MKD of an existing directory fails on most servers) is success when parents are wanted.
                    if (DirectoryExists(target, cancellationToken)) return 0;
                    var parent = FtpPath.GetParent(target);
                    if (parent != "/" && !DirectoryExists(parent, cancellationToken))
                    {
                        CreateDirectory(parent, true, cancellationToken);
                        reply = Execute("MKD " + target, cancellationToken);
                        if (reply.Code == 257 || reply.Code == 250) return 0;
                    }
                }

                throw new FtpCommandException(DescribeFailure("MKD " + target, reply), FtpPhase.Command, "MKD " + target, reply);
            });
        }

        public void RemoveDirectory(string path, bool recursive, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            WithPath(target, () =>
            {
                if (recursive)
                {
                    foreach (var item in ListDirectory(target, cancellationToken).Items)
                    {
                        if (item.Type == FtpItemType.Directory) RemoveDirectory(item.FullName, true, cancellationToken);
                        else DeleteFile(item.FullName, cancellationToken);
                    }
                }

                return Execute("RMD " + target, FtpPhase.Command, cancellationToken, 250, 2);
            });
        }

        public void DeleteFile(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            WithPath(target, () => Execute("DELE " + target, FtpPhase.Command, cancellationToken, 2));
        }

        public void Rename(string fromPath, string toPath, CancellationToken cancellationToken)
        {
            var source = ResolvePath(fromPath);
            var destination = ResolvePath(toPath);
            WithPath(source, () =>
            {
                Execute("RNFR " + source, FtpPhase.Command, cancellationToken, 350);
                return Execute("RNTO " + destination, FtpPhase.Command, cancellationToken, 2);
            });
        }

        /// <summary>MFMT (draft-somers-ftp-mfxx); where not offered, the MDTM-with-time form that vsftpd accepts.</summary>
        public void SetModifiedTime(string path, DateTimeOffset time, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            var stamp = time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            WithPath(target, () =>
            {
                if (Features.Has("MFMT")) return Execute("MFMT " + stamp + " " + target, FtpPhase.Command, cancellationToken, 2);
                var reply = Execute("MDTM " + stamp + " " + target, cancellationToken);
                if (reply.Code == 213 || reply.Code == 253) return reply;
                throw new FtpNotSupportedException("The server cannot set modification times (no MFMT in FEAT, and it refused MDTM with a time: " + reply + ").", "MDTM " + stamp + " " + target, reply);
            });
        }

        /// <summary>A hash computed by the server. Null algorithm: SHA-256 if offered, else the strongest the server has.</summary>
        public FtpHashResult GetHash(string path, FtpHashAlgorithm? algorithm, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            return WithPath(target, () => new FtpHashCommands(this).Compute(target, algorithm, cancellationToken));
        }

        private bool DirectoryExists(string directory, CancellationToken cancellationToken)
        {
            var reply = Execute("CWD " + directory, cancellationToken);
            if (!reply.IsPositiveCompletion) return false;
            Execute("CWD " + currentDirectory, FtpPhase.Command, cancellationToken, 2);
            return true;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace FtpTools.Engine
{
    public sealed partial class FtpClient
    {
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
                        // The facts are about the path asked for, whatever path the server wrote next to them.
                        if (parsed != null) return parsed.FullName == target ? parsed : parsed.At(target);
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

        /// <summary>SIZE for a diagnosis: null also when the server has no SIZE command.</summary>
        private long? TryGetSize(string path, CancellationToken cancellationToken)
        {
            try
            {
                return GetSize(path, cancellationToken);
            }
            catch (FtpCommandException)
            {
                return null;
            }
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

                var failure = new FtpCommandException(DescribeFailure("MKD " + target, reply), FtpPhase.Command, "MKD " + target, reply);
                if (!IsDiagnosable(failure)) throw failure;
                var what = "Cannot create the remote directory " + target;
                var parentPath = FtpPath.GetParent(target);
                if (parentPath != "/" && !DirectoryExists(parentPath, cancellationToken))
                    throw Diagnosed(failure, what, FtpFailureCause.ParentNotFound, "the directory " + parentPath + " it belongs in does not exist");
                var existing = GetItem(target, cancellationToken);
                if (existing != null)
                    throw Diagnosed(failure, what, FtpFailureCause.AlreadyExists, existing.Type == FtpItemType.Directory ? "it already exists" : "a file has that name");
                throw Diagnosed(failure, what, FtpFailureCause.PermissionDenied, "the server refused to create it in " + parentPath + ", so this account probably lacks permission there");
            });
        }

        /// <summary>Removes a directory; recursive removes every entry first, hidden ones included. Fails with Cause DirectoryNotEmpty when entries remain.</summary>
        public void RemoveDirectory(string path, bool recursive, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            WithPath(target, () =>
            {
                if (recursive)
                {
                    foreach (var item in this.ListDirectory(target, cancellationToken).Items)
                    {
                        if (item.Type == FtpItemType.Directory) RemoveDirectory(item.FullName, true, cancellationToken);
                        else DeleteFile(item.FullName, cancellationToken);
                    }
                }

                var command = "RMD " + target;
                var reply = Execute(command, cancellationToken);
                if (reply.IsPositiveCompletion) return reply;
                var failure = new FtpCommandException(DescribeFailure(command, reply), FtpPhase.Command, command, reply);
                if (!IsDiagnosable(failure)) throw failure;
                var what = "Cannot remove the remote directory " + target;
                if (!DirectoryExists(target, cancellationToken))
                {
                    throw TryGetSize(target, cancellationToken).HasValue
                        ? Diagnosed(failure, what, FtpFailureCause.Unknown, "it is a file, not a directory")
                        : Diagnosed(failure, what, FtpFailureCause.NotFound, "it does not exist");
                }
                var remaining = this.ListDirectory(target, cancellationToken);
                if (Planning.DirectoryRemoval.CountEntries(remaining) > 0)
                {
                    throw Diagnosed(failure, what, FtpFailureCause.DirectoryNotEmpty,
                        recursive
                            ? "it still has " + Planning.DirectoryRemoval.DescribeEntries(remaining) + " after its contents were removed; entries that could not be listed or deleted remain"
                            : "it is not empty (" + Planning.DirectoryRemoval.DescribeEntries(remaining) + "). Use -Recurse to remove it with everything in it");
                }

                throw Diagnosed(failure, what, FtpFailureCause.PermissionDenied, "it exists and is empty, so this account probably lacks permission to remove it");
            });
        }

        public void DeleteFile(string path, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            WithPath(target, () =>
            {
                var command = "DELE " + target;
                var reply = Execute(command, cancellationToken);
                if (reply.IsPositiveCompletion) return reply;
                var failure = new FtpCommandException(DescribeFailure(command, reply), FtpPhase.Command, command, reply);
                if (!IsDiagnosable(failure)) throw failure;
                var what = "Cannot delete the remote file " + target;
                var existing = GetItem(target, cancellationToken);
                if (existing is null) throw Diagnosed(failure, what, FtpFailureCause.NotFound, "it does not exist");
                if (existing.Type == FtpItemType.Directory) throw Diagnosed(failure, what, FtpFailureCause.Unknown, "it is a directory");
                throw Diagnosed(failure, what, FtpFailureCause.PermissionDenied, "it exists, so this account probably lacks permission to delete it");
            });
        }

        public void Rename(string fromPath, string toPath, CancellationToken cancellationToken)
        {
            var source = ResolvePath(fromPath);
            var destination = ResolvePath(toPath);
            WithPath(source, () =>
            {
                var what = "Cannot rename " + source + " to " + destination;
                var from = Execute("RNFR " + source, cancellationToken);
                if (from.Code != 350)
                {
                    var failure = new FtpCommandException(DescribeFailure("RNFR " + source, from), FtpPhase.Command, "RNFR " + source, from);
                    if (!IsDiagnosable(failure)) throw failure;
                    if (GetItem(source, cancellationToken) is null) throw Diagnosed(failure, what, FtpFailureCause.NotFound, source + " does not exist");
                    throw Diagnosed(failure, what, FtpFailureCause.PermissionDenied, source + " exists, so this account probably lacks permission to rename it");
                }

                var to = Execute("RNTO " + destination, cancellationToken);
                if (to.IsPositiveCompletion) return to;
                var refused = new FtpCommandException(DescribeFailure("RNTO " + destination, to), FtpPhase.Command, "RNTO " + destination, to);
                if (!IsDiagnosable(refused)) throw refused;
                var parent = FtpPath.GetParent(destination);
                if (parent != "/" && !DirectoryExists(parent, cancellationToken))
                    throw Diagnosed(refused, what, FtpFailureCause.ParentNotFound, "the directory " + parent + " does not exist");
                if (GetItem(destination, cancellationToken) != null) throw Diagnosed(refused, what, FtpFailureCause.AlreadyExists, destination + " already exists");
                throw Diagnosed(refused, what, FtpFailureCause.PermissionDenied, "this account probably lacks permission to write in " + parent);
            });
        }

        /// <summary>RNFR/RNTO, which replaces the target on servers that rename with rename(2); where RNTO refuses an existing target, DELE it and rename again.</summary>
        public void RenameReplacing(string fromPath, string toPath, CancellationToken cancellationToken)
        {
            try
            {
                Rename(fromPath, toPath, cancellationToken);
            }
            catch (FtpCommandException exception) when (exception.Cause == FtpFailureCause.AlreadyExists)
            {
                DeleteFile(toPath, cancellationToken);
                Rename(fromPath, toPath, cancellationToken);
            }
        }

        /// <summary>MFMT (draft-somers-ftp-mfxx); where not offered, the MDTM-with-time form that vsftpd accepts.</summary>
        public void SetModifiedTime(string path, DateTimeOffset time, CancellationToken cancellationToken)
        {
            var target = ResolvePath(path);
            var stamp = time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            WithPath(target, () =>
            {
                if (Features.Has("MFMT")) return Execute("MFMT " + stamp + " " + target, FtpPhase.Command, cancellationToken, 2);
                if (modifiedTimeRefused) throw ModifiedTimeNotSupported(null);
                var reply = Execute("MDTM " + stamp + " " + target, cancellationToken);
                if (reply.Code == 213 || reply.Code == 253) return reply;
                modifiedTimeRefused = true;
                throw ModifiedTimeNotSupported(reply);
            });

            FtpNotSupportedException ModifiedTimeNotSupported(FtpReply? reply) =>
                new FtpNotSupportedException("The server does not support setting modification times (no MFMT in FEAT" + (reply is null ? ", and it refused MDTM with a time earlier in this session)." : ", and it refused MDTM with a time: " + reply.Summary + ")."),
                    "MDTM " + stamp + " " + target, reply);
        }

        /// <summary>Set once the server refused MDTM with a time: then it is not asked again.</summary>
        private bool modifiedTimeRefused;

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

        /// <summary>A refusal worth a look ("not there", "no permission" or "not empty" all come as 550, 553 or 450), on a connection that still works.</summary>
        private bool IsDiagnosable(FtpException exception) =>
            exception.Cause == FtpFailureCause.Unknown && exception.ReplyCode is int code && (code == 450 || code == 550 || code == 553) && IsConnected;

        /// <summary>The failure again, with what the engine found out: "Cannot delete /a: it does not exist (the server answered DELE with 550 ...)."</summary>
        private static FtpCommandException Diagnosed(FtpException failure, string what, FtpFailureCause cause, string finding)
        {
            var command = failure.Command ?? string.Empty;
            var verb = command.Split(' ')[0];
            var reply = failure.Reply!;
            return new FtpCommandException(what + ": " + finding + " (the server answered " + verb + " with " + reply.Summary + ").", failure.Phase, command, reply, failure)
            {
                Cause = cause,
                RemotePath = failure.RemotePath,
            };
        }
    }
}

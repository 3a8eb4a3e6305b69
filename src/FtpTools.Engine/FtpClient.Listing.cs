using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace FtpTools.Engine
{
    public sealed partial class FtpClient
    {
        private readonly FtpListingParserChain listingParsers = new FtpListingParserChain();

        /// <summary>Whether "LIST -a &lt;dir&gt;" shows every entry here: unknown until a listing tells, then fixed for the session.</summary>
        private HiddenEntryListing hiddenEntryListing = HiddenEntryListing.Unknown;

        private enum HiddenEntryListing
        {
            Unknown,
            ListDashA,
            PlainList,
        }

        /// <summary>
        /// Every entry of the directory, hidden (dot) entries included, passed to the visitor line by line as the data arrives:
        /// MLSD where FEAT offers MLST; otherwise "LIST -a &lt;dir&gt;", since some servers' LIST leaves dot files out (vsftpd).
        /// A server that refuses "-a" or takes it for a name gets plain LIST for the rest of the session.
        /// </summary>
        public FtpListingCounts ListDirectory(string? path, IFtpListingVisitor visitor, CancellationToken cancellationToken)
        {
            if (visitor is null) throw new ArgumentNullException(nameof(visitor));
            var directory = ResolvePath(path);
            return WithPath(directory, () =>
            {
                var context = new FtpListingContext(directory, Options.Clock);
                if (Features.Has("MLST"))
                {
                    var command = "MLSD " + directory;
                    var mlsd = ReadListing(command, FtpListingParserChain.MlsdCommand, context, visitor, cancellationToken);
                    return EnsureDirectoryWhenEmpty(mlsd, FtpListingParserChain.MlsdCommand, command, cancellationToken);
                }

                var listed = hiddenEntryListing == HiddenEntryListing.PlainList ? null : TryListAll(context, visitor, cancellationToken);
                listed ??= ReadListing("LIST " + directory, FtpListingParserChain.ListCommand, context, visitor, cancellationToken);

                // "." and ".." in the answer prove the directory exists, however empty.
                return listed.SawDotEntries
                    ? listed.Finish(FtpListingParserChain.ListCommand)
                    : EnsureDirectoryWhenEmpty(listed, FtpListingParserChain.ListCommand, "LIST " + directory, cancellationToken);
            });
        }

        /// <summary>
        /// "LIST -a dir", streamed; null when the server misread it (then plain LIST is used from now on). Lines are held back
        /// until the first one shows the answer is not several paths' listings (pure-ftpd splits "LIST -a /a b" at the space and
        /// heads each part with "name:"); for a path with spaces or wildcard characters the whole answer is held, as such a
        /// header may come after entries.
        /// </summary>
        private FtpListingStream? TryListAll(FtpListingContext context, IFtpListingVisitor visitor, CancellationToken cancellationToken)
        {
            var directory = context.Directory;
            var command = "LIST -a " + directory;
            var mayNameSeveralPaths = directory.IndexOfAny(SplittingCharacters) >= 0;
            var stream = new FtpListingStream(directory, visitor);
            List<string>? heldBack = new List<string>();
            var severalPaths = false;
            try
            {
                ReadDataLines(command, directory, [MethodImpl(HotPath.Optimized)] (string line) =>
                {
                    if (severalPaths) return;
                    if (heldBack is null)
                    {
                        listingParsers.ParseLine(line, FtpListingParserChain.ListCommand, context, stream);
                        return;
                    }

                    if (IsSeveralPathsHeader(line))
                    {
                        severalPaths = true;
                        heldBack = null;
                        return;
                    }

                    heldBack.Add(line);
                    if (mayNameSeveralPaths || line.Trim().Length == 0) return;
                    var held = heldBack;
                    heldBack = null;
                    foreach (var heldLine in held) listingParsers.ParseLine(heldLine, FtpListingParserChain.ListCommand, context, stream);
                }, cancellationToken);
            }
            catch (FtpCommandException exception) when (exception.Reply?.IsPermanentNegative == true && hiddenEntryListing == HiddenEntryListing.Unknown && IsConnected && stream.IsEmpty)
            {
                // pyftpdlib takes "-a dir" for one path and answers 550. Whether plain LIST works decides it: if it fails too, the directory is the problem.
                var plain = ReadListing("LIST " + directory, FtpListingParserChain.ListCommand, context, visitor, cancellationToken);
                UsePlainList("it answered " + FtpCommandText.Mask(command) + " with " + exception.Reply!.Summary);
                return plain;
            }
            catch (FtpCommandException exception) when (IsDiagnosable(exception))
            {
                throw DiagnoseListing(exception, directory, cancellationToken);
            }

            if (severalPaths)
            {
                UsePlainList("it read the path of " + FtpCommandText.Mask(command) + " as several paths");
                return null;
            }

            if (heldBack != null)
                foreach (var heldLine in heldBack) listingParsers.ParseLine(heldLine, FtpListingParserChain.ListCommand, context, stream);
            if (hiddenEntryListing != HiddenEntryListing.Unknown) return stream;
            if (stream.SawDotEntries)
            {
                hiddenEntryListing = HiddenEntryListing.ListDashA;
                return stream;
            }

            if (stream.IsEmpty)
            {
                // Nothing, not even "." and "..": "-a" may have been taken for a name that matches nothing.
                var plain = ReadListing("LIST " + directory, FtpListingParserChain.ListCommand, context, visitor, cancellationToken);
                if (!plain.IsEmpty) UsePlainList("its answer to " + FtpCommandText.Mask(command) + " was empty but LIST named entries");
                return plain;
            }

            return stream;
        }

        /// <summary>Characters at which a server may split a path into several (spaces) or expand it (wildcards).</summary>
        private static readonly char[] SplittingCharacters = { ' ', '\t', '*', '?', '[' };

        private void UsePlainList(string reason)
        {
            hiddenEntryListing = HiddenEntryListing.PlainList;
            connection?.Trace(FtpTraceDirection.Info, "The server does not take LIST -a (" + reason + "); using plain LIST for the rest of the session, which may leave out hidden (dot) entries.");
        }

        private static bool IsSeveralPathsHeader(string line)
        {
            var text = line.Trim();
            return text.Length > 1 && text[text.Length - 1] == ':' && text.IndexOf(' ') < 0 && text[0] == '/';
        }

        /// <summary>LIST of a missing directory is an empty success on some servers (vsftpd): tell "empty" from "not there".</summary>
        private FtpListingCounts EnsureDirectoryWhenEmpty(FtpListingStream listed, string listingCommand, string command, CancellationToken cancellationToken)
        {
            var directory = listed.Directory;
            if (listed.IsEmpty && directory != "/" && !DirectoryExists(directory, cancellationToken))
            {
                var isFile = TryGetSize(directory, cancellationToken).HasValue;
                throw new FtpCommandException("The remote directory " + directory + (isFile ? " is a file, not a directory." : " does not exist."), FtpPhase.Listing, command,
                    new FtpReply(550, new[] { directory + ": No such directory." })) { Cause = isFile ? FtpFailureCause.Unknown : FtpFailureCause.NotFound };
            }

            return listed.Finish(listingCommand);
        }

        /// <summary>Reads a listing into the visitor; a refused listing says whether the directory is missing or only unreadable.</summary>
        private FtpListingStream ReadListing(string command, string listingCommand, FtpListingContext context, IFtpListingVisitor visitor, CancellationToken cancellationToken)
        {
            var stream = new FtpListingStream(context.Directory, visitor);
            try
            {
                ReadDataLines(command, context.Directory, [MethodImpl(HotPath.Optimized)] (string line) => listingParsers.ParseLine(line, listingCommand, context, stream), cancellationToken);
                return stream;
            }
            catch (FtpCommandException exception) when (IsDiagnosable(exception) || (exception.ReplyCode == 501 && exception.Cause == FtpFailureCause.Unknown && IsConnected))
            {
                // pyftpdlib answers MLSD of a missing directory with "501 No such directory".
                throw DiagnoseListing(exception, context.Directory, cancellationToken);
            }
        }

        private FtpCommandException DiagnoseListing(FtpCommandException exception, string directory, CancellationToken cancellationToken)
        {
            var what = "Cannot list the remote directory " + directory;
            if (DirectoryExists(directory, cancellationToken))
                return Diagnosed(exception, what, FtpFailureCause.PermissionDenied, "it exists, but the server refused to list it, so this account probably lacks permission");
            return TryGetSize(directory, cancellationToken).HasValue
                ? Diagnosed(exception, what, FtpFailureCause.Unknown, "it is a file, not a directory")
                : Diagnosed(exception, what, FtpFailureCause.NotFound, "it does not exist");
        }
    }
}

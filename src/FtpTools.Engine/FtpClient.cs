using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace FtpTools.Engine
{
    /// <summary>One FTP/FTPS session. Synchronous; every call takes a CancellationToken. Not thread-safe: one caller at a time.</summary>
    public sealed partial class FtpClient : IDisposable
    {
        public FtpClient(FtpClientOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        public FtpClientOptions Options { get; }

        public bool IsConnected => throw new NotImplementedException();
        public string Greeting => throw new NotImplementedException();
        public string? SystemType => throw new NotImplementedException();
        public FtpFeatures Features => throw new NotImplementedException();
        public string? TlsProtocol => throw new NotImplementedException();
        public string? TlsCipherSuite => throw new NotImplementedException();
        public string? ServerCertificateThumbprint => throw new NotImplementedException();
        public string CurrentDirectory => throw new NotImplementedException();
        /// <summary>The data connection mode in use now (Auto resolves to ExtendedPassive or Passive after the first transfer).</summary>
        public FtpDataConnectionMode EffectiveDataConnectionMode => throw new NotImplementedException();

        /// <summary>Connects, negotiates TLS, logs in, reads FEAT, sets UTF-8 and binary type, reads the working directory.</summary>
        public void Connect(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Sends a command and returns the server's reply whatever its code.</summary>
        public FtpReply Execute(string command, CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Sends a command and throws FtpCommandException unless the reply code is one of expectedCodes (a single digit d means any dxx).</summary>
        public FtpReply Execute(string command, FtpPhase phase, CancellationToken cancellationToken, params int[] expectedCodes) => throw new NotImplementedException();

        public FtpListing ListDirectory(string? path, CancellationToken cancellationToken) => throw new NotImplementedException();
        public IReadOnlyList<string> ListNames(string? path, CancellationToken cancellationToken) => throw new NotImplementedException();
        /// <summary>The item at path, or null when nothing is there.</summary>
        public FtpListItem? GetItem(string path, CancellationToken cancellationToken) => throw new NotImplementedException();
        public bool Exists(string path, CancellationToken cancellationToken) => throw new NotImplementedException();
        public long? GetSize(string path, CancellationToken cancellationToken) => throw new NotImplementedException();
        public DateTimeOffset? GetModifiedTime(string path, CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Downloads path into destination, starting at restartOffset (REST). Returns the bytes written.</summary>
        public long Download(string path, Stream destination, long restartOffset, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken) => throw new NotImplementedException();
        /// <summary>Uploads source to path. Resume reads the remote size, seeks source there and continues. Returns the bytes sent.</summary>
        public long Upload(Stream source, string path, FtpUploadMode mode, IProgress<FtpTransferProgress>? progress, CancellationToken cancellationToken) => throw new NotImplementedException();

        public void CreateDirectory(string path, bool createParents, CancellationToken cancellationToken) => throw new NotImplementedException();
        public void RemoveDirectory(string path, bool recursive, CancellationToken cancellationToken) => throw new NotImplementedException();
        public void DeleteFile(string path, CancellationToken cancellationToken) => throw new NotImplementedException();
        public void Rename(string fromPath, string toPath, CancellationToken cancellationToken) => throw new NotImplementedException();
        public void SetModifiedTime(string path, DateTimeOffset time, CancellationToken cancellationToken) => throw new NotImplementedException();
        /// <summary>A hash computed by the server. Null algorithm: the best the server offers. Throws FtpCommandException with a clear message when unsupported.</summary>
        public FtpHashResult GetHash(string path, FtpHashAlgorithm? algorithm, CancellationToken cancellationToken) => throw new NotImplementedException();
        public void ChangeDirectory(string path, CancellationToken cancellationToken) => throw new NotImplementedException();
        public string GetWorkingDirectory(CancellationToken cancellationToken) => throw new NotImplementedException();
        /// <summary>Sends QUIT and closes; never throws for a connection that is already gone.</summary>
        public void Disconnect(CancellationToken cancellationToken) => throw new NotImplementedException();
        public void Dispose() { }
    }
}

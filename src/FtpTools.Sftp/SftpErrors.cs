using System;
using System.IO;
using System.Net.Sockets;
using FtpTools.Engine;
using FtpTools.Engine.Sftp;
using Renci.SshNet.Common;

namespace FtpTools.Sftp
{
    /// <summary>Turns SSH.NET's exceptions into the engine's FtpException family, with the request and the remote path.</summary>
    internal static class SftpErrors
    {
        /// <summary>request is the SFTP request in lower case ("remove", "open", "readdir", ...); path the remote path it was about.</summary>
        public static Exception Map(Exception exception, string request, string? path, FtpPhase phase = FtpPhase.Command)
        {
            var command = path is null ? request : request + " " + path;
            switch (exception)
            {
                case OperationCanceledException _:
                case FtpException _:
                case ArgumentException _:
                    return exception;
                case SftpPathNotFoundException _:
                    return new SftpStatusException(Subject(request, path) + ": no such file or directory.", SftpStatus.NoSuchFile, command, path, exception);
                case SftpPermissionDeniedException _:
                    return new SftpStatusException(Subject(request, path) + ": permission denied.", SftpStatus.PermissionDenied, command, path, exception);
                case SftpException status:
                    return new SftpStatusException(Subject(request, path) + ": the server answered " + status.StatusCode + (string.IsNullOrEmpty(status.Message) ? "." : " (" + status.Message.TrimEnd('.') + ")."),
                        (SftpStatus)(int)status.StatusCode, command, path, exception);
                case SshOperationTimeoutException _:
                    return new FtpConnectionException(Subject(request, path) + ": the server did not answer in time (" + exception.Message.TrimEnd('.') + ").", phase, command, innerException: exception) { RemotePath = path };
                case SshConnectionException _:
                case SocketException _:
                case ObjectDisposedException _:
                    return new FtpConnectionException(Subject(request, path) + ": the SSH connection is lost (" + exception.Message.TrimEnd('.') + "); connect again.", phase, command, innerException: exception) { RemotePath = path };
                case IOException _:
                    return new FtpConnectionException(Subject(request, path) + ": " + exception.Message, phase, command, innerException: exception) { RemotePath = path };
                default:
                    return new FtpException(Subject(request, path) + ": " + exception.Message, phase, command, innerException: exception) { RemotePath = path };
            }
        }

        private static string Subject(string request, string? path) => "SFTP " + request + (path is null ? string.Empty : " " + path);
    }
}

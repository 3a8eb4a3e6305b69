using System;

namespace FtpTools.Engine
{
    /// <summary>The base of every failure the engine reports. Carries the reply code, the command (password masked), the phase and whether retrying may help.</summary>
    public class FtpException : Exception
    {
        public FtpException(string message, FtpPhase phase, string? command = null, FtpReply? reply = null, bool isTransient = false, Exception? innerException = null)
            : base(message, innerException)
        {
            Phase = phase;
            Command = command is null ? null : FtpCommandText.Mask(command);
            Reply = reply;
            IsTransient = isTransient;
        }

        public FtpPhase Phase { get; }

        /// <summary>The command that failed, with the argument of PASS replaced by asterisks.</summary>
        public string? Command { get; }

        public FtpReply? Reply { get; }

        public int? ReplyCode => Reply?.Code;

        /// <summary>True when the same operation may succeed if tried again (4xx replies, timeouts, dropped connections).</summary>
        public bool IsTransient { get; }

        /// <summary>The remote path the failed operation was about, when there is one.</summary>
        public string? RemotePath { get; set; }

        /// <summary>What the engine found out about the failure beyond the reply code (not there, no permission, not empty, ...).</summary>
        public FtpFailureCause Cause { get; set; }

        /// <summary>How many times the operation was tried before this failure ended it (Connect-FtpServer's retries); 1 unless retried.</summary>
        public int Attempts { get; set; } = 1;

        /// <summary>The failure, and how many attempts were made when there was more than one.</summary>
        public override string Message
        {
            get
            {
                if (Attempts <= 1) return base.Message;
                var message = base.Message.TrimEnd();
                return message + (message.EndsWith(".", StringComparison.Ordinal) ? " " : ". ") + "Tried " + Attempts + " times.";
            }
        }
    }

    /// <summary>The server answered a command with a reply the operation cannot continue from.</summary>
    public class FtpCommandException : FtpException
    {
        public FtpCommandException(string message, FtpPhase phase, string command, FtpReply reply, Exception? innerException = null)
            : base(message, phase, command, reply, reply.IsTransientNegative, innerException)
        {
        }

        /// <summary>For protocols without FTP reply codes (SFTP status replies): the server refused one request.</summary>
        protected FtpCommandException(string message, FtpPhase phase, string command, bool isTransient, Exception? innerException)
            : base(message, phase, command, null, isTransient, innerException)
        {
        }
    }

    /// <summary>The server sent something that is not valid FTP (a malformed reply, an unparsable 227/229, a line over the cap).</summary>
    public class FtpProtocolException : FtpException
    {
        public FtpProtocolException(string message, FtpPhase phase, string? command = null, FtpReply? reply = null, Exception? innerException = null)
            : base(message, phase, command, reply, false, innerException)
        {
        }
    }

    /// <summary>A network failure: connection refused or reset, host not found, a timeout, a data connection that could not be made.</summary>
    public class FtpConnectionException : FtpException
    {
        public FtpConnectionException(string message, FtpPhase phase, string? command = null, FtpReply? reply = null, bool isTransient = true, Exception? innerException = null)
            : base(message, phase, command, reply, isTransient, innerException)
        {
        }
    }

    /// <summary>TLS could not be established or the server's certificate was not accepted.</summary>
    public class FtpTlsException : FtpException
    {
        public FtpTlsException(string message, string? command = null, FtpReply? reply = null, Exception? innerException = null)
            : base(message, FtpPhase.Tls, command, reply, false, innerException)
        {
        }
    }

    /// <summary>A directory listing could not be read or understood.</summary>
    public class FtpListingException : FtpException
    {
        public FtpListingException(string message, string? command = null, FtpReply? reply = null, Exception? innerException = null)
            : base(message, FtpPhase.Listing, command, reply, false, innerException)
        {
        }
    }
}

namespace FtpTools.Engine
{
    /// <summary>The server does not support what was asked (no HASH/XSHA*, no MFMT, no EPSV where it is required, ...).</summary>
    public class FtpNotSupportedException : FtpException
    {
        public FtpNotSupportedException(string message, string? command = null, FtpReply? reply = null)
            : base(message, FtpPhase.Command, command, reply, false)
        {
        }
    }
}

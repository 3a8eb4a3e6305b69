using System.Linq;
using FtpTools.Engine;

namespace FtpTools
{
    /// <summary>The server's reply to Invoke-FtpCommand.</summary>
    public sealed class FtpCommandResult
    {
        public FtpCommandResult(FtpReply reply)
        {
            Code = reply.Code;
            Message = reply.Message;
            Lines = reply.Lines.ToArray();
            IsSuccess = reply.Code < 400;
        }

        public int Code { get; }

        public string Message { get; }

        public string[] Lines { get; }

        /// <summary>True for 1xx, 2xx and 3xx replies.</summary>
        public bool IsSuccess { get; }

        public override string ToString() => Code + " " + Message;
    }
}

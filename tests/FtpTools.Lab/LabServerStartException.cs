using System;

namespace FtpTools.Lab;

/// <summary>A lab server did not start or did not greet in time; the message includes its log tails.</summary>
public sealed class LabServerStartException : Exception
{
    public LabServerStartException(string message)
        : base(message)
    {
    }

    public LabServerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LabServerStartException()
    {
    }
}

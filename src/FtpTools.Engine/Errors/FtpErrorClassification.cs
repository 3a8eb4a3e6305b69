namespace FtpTools.Engine
{
    /// <summary>The outcome of classifying a failure: a stable id, a kind, the message to show and, when there is one, what the user can do about it.</summary>
    public sealed class FtpErrorClassification
    {
        public FtpErrorClassification(string errorId, FtpErrorKind kind, string message, string? recommendedAction = null)
        {
            ErrorId = errorId;
            Kind = kind;
            Message = message;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }

        public FtpErrorKind Kind { get; }

        public string Message { get; }

        public string? RecommendedAction { get; }

        public override string ToString() => ErrorId + " (" + Kind + "): " + Message;
    }
}

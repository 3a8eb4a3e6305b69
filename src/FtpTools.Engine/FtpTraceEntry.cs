namespace FtpTools.Engine
{
    /// <summary>One line of the control conversation as a trace sink receives it; PASS is already masked.</summary>
    public sealed class FtpTraceEntry
    {
        public FtpTraceEntry(FtpTraceDirection direction, string text)
        {
            Direction = direction;
            Text = text;
        }

        public FtpTraceDirection Direction { get; }

        public string Text { get; }

        public override string ToString() => (Direction == FtpTraceDirection.Sent ? "> " : Direction == FtpTraceDirection.Received ? "< " : "* ") + Text;
    }
}

namespace FtpTools.Engine.Progress
{
    /// <summary>One Write-Progress record to write, independent of PowerShell: the cmdlet turns it into a ProgressRecord.</summary>
    public sealed class ProgressBarUpdate
    {
        private ProgressBarUpdate(string activity, string status, string? currentOperation, int? percentComplete, int? secondsRemaining, bool completed)
        {
            Activity = activity;
            Status = status;
            CurrentOperation = currentOperation;
            PercentComplete = percentComplete;
            SecondsRemaining = secondsRemaining;
            Completed = completed;
        }

        public string Activity { get; }

        public string Status { get; }

        public string? CurrentOperation { get; }

        public int? PercentComplete { get; }

        public int? SecondsRemaining { get; }

        /// <summary>The bar is removed (Write-Progress -Completed).</summary>
        public bool Completed { get; }

        public static ProgressBarUpdate Drawn(string activity, string status, string? currentOperation, int? percentComplete, int? secondsRemaining) =>
            new ProgressBarUpdate(activity, status, currentOperation, percentComplete, secondsRemaining, false);

        public static ProgressBarUpdate Removed(string activity) =>
            new ProgressBarUpdate(activity, "Done", null, null, null, true);
    }
}

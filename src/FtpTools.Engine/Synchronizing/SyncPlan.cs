using System.Collections.Generic;

namespace FtpTools.Engine.Synchronizing
{
    /// <summary>The steps of a synchronization in the order they run, and what the module says once (a hash fallback).</summary>
    public sealed class SyncPlan
    {
        public SyncPlan(IReadOnlyList<SyncAction> actions, IReadOnlyList<string> notes)
        {
            Actions = actions;
            Notes = notes;
        }

        public IReadOnlyList<SyncAction> Actions { get; }

        public IReadOnlyList<string> Notes { get; }
    }
}

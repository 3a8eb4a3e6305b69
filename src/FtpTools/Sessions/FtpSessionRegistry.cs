using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace FtpTools
{
    /// <summary>
    /// The sessions of one runspace. It lives in a global variable of that runspace (not in a static field), so thread jobs and
    /// ForEach-Object -Parallel, which run in runspaces of their own, never pick up each other's sessions.
    /// </summary>
    public sealed class FtpSessionRegistry
    {
        public const string VariableName = "__FtpToolsSessionRegistry";

        private readonly List<FtpSession> sessions = new List<FtpSession>();
        private int lastId;

        /// <summary>The most recently connected session that has not been disconnected.</summary>
        public FtpSession? Current => sessions.Count == 0 ? null : sessions[sessions.Count - 1];

        public IReadOnlyList<FtpSession> Sessions => sessions.ToArray();

        public static FtpSessionRegistry For(SessionState sessionState)
        {
            var value = sessionState.PSVariable.GetValue("global:" + VariableName);
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            if (value is FtpSessionRegistry existing) return existing;
            var created = new FtpSessionRegistry();
            sessionState.PSVariable.Set("global:" + VariableName, created);
            return created;
        }

        public int NextId() => ++lastId;

        public void Add(FtpSession session) => sessions.Add(session);

        public bool Remove(FtpSession session) => sessions.Remove(session);

        public FtpSession? Find(int id) => sessions.FirstOrDefault(s => s.Id == id);
    }
}

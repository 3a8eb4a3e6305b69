using System.Management.Automation;

namespace FtpTools
{
    /// <summary>A verbose message a command says once however many files it applies to (the first file's reason stands for all).</summary>
    internal sealed class VerboseOnce
    {
        private readonly string prefix;
        private bool said;

        public VerboseOnce(string prefix) => this.prefix = prefix;

        /// <summary>On the pipeline thread.</summary>
        public void Say(Cmdlet cmdlet, string reason)
        {
            if (said) return;
            said = true;
            cmdlet.WriteVerbose(prefix + reason);
        }
    }
}

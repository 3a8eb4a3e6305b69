using System;

namespace FtpTools
{
    /// <summary>A message a command writes once however many files it applies to (the first file's reason stands for all).</summary>
    internal sealed class OncePerCommand
    {
        private readonly Action<string> write;
        private bool written;

        public OncePerCommand(Action<string> write) => this.write = write;

        /// <summary>On the pipeline thread.</summary>
        public void Write(string message)
        {
            if (written) return;
            written = true;
            write(message);
        }
    }
}

using System;

namespace FtpTools.Fuzz
{
    /// <summary>One parser under fuzzing: where its inputs come from, how it is called, and which exceptions its contract allows.</summary>
    public sealed class FuzzTarget
    {
        public FuzzTarget(string name, string contract, Func<Random, string> nextInput, Action<string> run, Func<Exception, bool> isDocumented)
        {
            Name = name;
            Contract = contract;
            NextInput = nextInput;
            Run = run;
            IsDocumented = isDocumented;
        }

        public string Name { get; }

        /// <summary>The exceptions the parser may throw for bad input, as its documentation says ("none": it reports bad input by its return value).</summary>
        public string Contract { get; }

        public Func<Random, string> NextInput { get; }

        public Action<string> Run { get; }

        public Func<Exception, bool> IsDocumented { get; }
    }

    /// <summary>Thrown by a target when a parser returned something its contract rules out (an item without a name, a port out of range).</summary>
    public sealed class FuzzInvariantException : Exception
    {
        public FuzzInvariantException(string message)
            : base(message)
        {
        }
    }
}

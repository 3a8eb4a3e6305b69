using System.Runtime.CompilerServices;

namespace FtpTools.Engine
{
    /// <summary>For code that runs once per listing line or listed entry.</summary>
    public static class HotPath
    {
        /// <summary>
        /// MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name: the method is compiled optimized on its
        /// first call. Tiered compilation would run it unoptimized through a process's first listings, where it is most of the
        /// time spent: a 10,000-entry listing took 14 % longer (engine, second listing in a fresh pwsh) and through
        /// Get-FtpChildItem 16 % longer. .NET Framework has no tiers and ignores the flag.
        /// </summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}

using System;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace FtpTools.Engine
{
    /// <summary>
    /// What the running .NET lets SslStream offer, which differs on .NET Framework (Windows PowerShell 5.1):
    /// <list type="bullet">
    /// <item>SslProtocols.None ("the operating system chooses") is refused with an ArgumentException by .NET Framework
    /// 4.7+ while ServicePointManager's internal DisableSystemDefaultTlsVersions is set: in hosts that run with the legacy
    /// defaults of applications built for .NET Framework before 4.7 (the Switch.System.Net.DontEnableSystemDefaultTlsVersions
    /// AppContext switch, or the SystemDefaultTlsVersions registry value, unset).</item>
    /// <item>.NET Framework 4.7.x has no TLS 1.3 member in SslProtocols and silently drops that bit from what it offers;
    /// 4.8 has it (and Windows offers TLS 1.3 only from Windows 11 and Windows Server 2022 on).</item>
    /// </list>
    /// .NET (PowerShell 7) allows both, so there the requested protocols are used unchanged.
    /// </summary>
    internal sealed class TlsRuntime
    {
        public TlsRuntime(string frameworkDescription, bool allowsSystemDefault, bool knowsTls13)
        {
            FrameworkDescription = frameworkDescription;
            AllowsSystemDefault = allowsSystemDefault;
            KnowsTls13 = knowsTls13;
        }

        /// <summary>The runtime this process runs on, probed once (immutable).</summary>
        public static TlsRuntime Current { get; } = Probe();

        /// <summary>RuntimeInformation.FrameworkDescription, e.g. ".NET Framework 4.8.9181.0" or ".NET 10.0.12".</summary>
        public string FrameworkDescription { get; }

        /// <summary>Whether AuthenticateAsClient accepts SslProtocols.None (the operating system's choice).</summary>
        public bool AllowsSystemDefault { get; }

        /// <summary>Whether SslProtocols has TLS 1.3 (12288) here, so that SslStream can offer it.</summary>
        public bool KnowsTls13 { get; }

        public bool IsNetFramework => IsNetFrameworkDescription(FrameworkDescription);

        public static bool IsNetFrameworkDescription(string frameworkDescription) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The protocols to give AuthenticateAsClient for the requested ones (None: the operating system's choice).
        /// Where None is refused, TLS 1.2 is offered instead (every Windows that runs .NET Framework 4.7.2 has it; TLS 1.3
        /// stays available there with -TlsProtocol Tls13 on .NET Framework 4.8). TLS 1.3 asked for where this .NET cannot offer it is dropped when
        /// another protocol was asked for too, and refused (ArgumentException: an unusable argument) when it was the only one.
        /// </summary>
        public SslProtocols ProtocolsFor(SslProtocols requested)
        {
            if (requested == SslProtocols.None) return AllowsSystemDefault ? SslProtocols.None : SslProtocols.Tls12;
            if (KnowsTls13 || (requested & Planning.TlsProtocolNames.Tls13) == 0) return requested;
            var withoutTls13 = requested & ~Planning.TlsProtocolNames.Tls13;
            if (withoutTls13 != SslProtocols.None) return withoutTls13;
            throw new ArgumentException("TLS 1.3 was asked for (-TlsProtocol Tls13), but this runtime (" + FrameworkDescription
                + ") cannot offer it: .NET Framework 4.8 on Windows 11 or Windows Server 2022 and later, or PowerShell 7, can. Omit -TlsProtocol or add Tls12.",
                nameof(requested));
        }

        private static TlsRuntime Probe()
        {
            var description = RuntimeInformation.FrameworkDescription;
            return new TlsRuntime(description, ProbeAllowsSystemDefault(IsNetFrameworkDescription(description)),
                Enum.IsDefined(typeof(SslProtocols), Planning.TlsProtocolNames.Tls13));
        }

        // .NET Framework 4.7+ reads this internal property before it accepts SslProtocols.None; .NET has no such property.
        private static bool ProbeAllowsSystemDefault(bool isNetFramework)
        {
            try
            {
                var property = typeof(ServicePointManager).GetProperty("DisableSystemDefaultTlsVersions", BindingFlags.NonPublic | BindingFlags.Static);
                if (property is null) return !isNetFramework;
                return property.GetValue(null) is bool disabled && !disabled;
            }
            catch (Exception exception) when (exception is TargetInvocationException || exception is MemberAccessException || exception is InvalidOperationException)
            {
                return !isNetFramework;
            }
        }
    }
}

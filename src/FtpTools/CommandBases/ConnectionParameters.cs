using System;
using System.Management.Automation;
using FtpTools.Engine;
using FtpTools.Engine.Connecting;

namespace FtpTools
{
    /// <summary>The connection parameters Connect-FtpServer and Test-FtpConnection both declare, with the same names and types.</summary>
    internal interface IConnectionParameters
    {
        string ComputerName { get; }

        int Port { get; }

        PSCredential? Credential { get; }

        RemoteProtocol Protocol { get; }

        FtpEncryption Encryption { get; }

        string? ActivePortRange { get; }

        string? ActiveExternalAddress { get; }

        string[]? CertificateThumbprint { get; }

        SwitchParameter SkipCertificateCheck { get; }

        string[]? TlsProtocol { get; }

        string[]? HostKeyFingerprint { get; }

        string? KnownHostsFile { get; }

        int Timeout { get; }
    }

    internal static class ConnectionParameters
    {
        /// <summary>
        /// The engine's settings from the shared parameters: -Protocol and -Encryption only when given (else the address decides),
        /// no credential for PSCredential.Empty, paths resolved against the current location, and the names of every parameter
        /// given, so that one of the other protocol is refused by name.
        /// </summary>
        public static ConnectionSettings ToSettings<TCmdlet>(TCmdlet cmdlet) where TCmdlet : PSCmdlet, IConnectionParameters
        {
            var given = cmdlet.MyInvocation.BoundParameters;
            var credential = cmdlet.Credential != null && cmdlet.Credential != PSCredential.Empty ? cmdlet.Credential : null;
            var settings = new ConnectionSettings(cmdlet.ComputerName)
            {
                Port = cmdlet.Port,
                Protocol = given.ContainsKey(nameof(IConnectionParameters.Protocol)) ? cmdlet.Protocol : (RemoteProtocol?)null,
                Encryption = given.ContainsKey(nameof(IConnectionParameters.Encryption)) ? cmdlet.Encryption : (FtpEncryption?)null,
                UserName = credential?.UserName,
                Password = credential?.Password,
                ActivePortRange = cmdlet.ActivePortRange,
                ActiveExternalAddress = cmdlet.ActiveExternalAddress,
                SkipCertificateCheck = cmdlet.SkipCertificateCheck.IsPresent,
                KnownHostsFile = cmdlet.KnownHostsFile is null ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(cmdlet.KnownHostsFile),
                Timeout = TimeSpan.FromSeconds(cmdlet.Timeout),
            };
            foreach (var name in given.Keys) settings.GivenParameters.Add(name);
            foreach (var thumbprint in cmdlet.CertificateThumbprint ?? Array.Empty<string>()) settings.CertificateThumbprints.Add(thumbprint);
            foreach (var name in cmdlet.TlsProtocol ?? Array.Empty<string>()) settings.TlsProtocols.Add(name);
            foreach (var pin in cmdlet.HostKeyFingerprint ?? Array.Empty<string>()) settings.HostKeyFingerprints.Add(pin);
            return settings;
        }
    }
}

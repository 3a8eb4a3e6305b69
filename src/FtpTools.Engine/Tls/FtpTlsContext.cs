using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace FtpTools.Engine
{
    /// <summary>
    /// The TLS trust material of one session, built once: pins, the validation callbacks, the name the TLS layer is
    /// given. Data connections must present the control connection's certificate and resume its TLS session.
    /// </summary>
    internal sealed class FtpTlsContext
    {
        private readonly HashSet<string> pinnedThumbprints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly bool skipValidation;
        private readonly SslProtocols protocols;
        private readonly string host;
        private readonly bool hostIsAddress;
        private readonly RemoteCertificateValidationCallback controlCallback;
        private readonly RemoteCertificateValidationCallback dataCallback;
        private string? validationFailure;
        private FtpFailureCause validationCause;

        public FtpTlsContext(FtpClientOptions options, SslProtocols protocols)
            : this(options, protocols, TlsRuntime.Current)
        {
        }

        internal FtpTlsContext(FtpClientOptions options, SslProtocols protocols, TlsRuntime runtime)
        {
            foreach (var pin in options.PinnedCertificateThumbprints) pinnedThumbprints.Add(CertificateNameMatcher.NormalizeThumbprint(pin));
            skipValidation = options.SkipCertificateValidation;
            this.protocols = runtime.ProtocolsFor(protocols);
            host = options.Host;
            hostIsAddress = IPAddress.TryParse(host.Trim('[', ']'), out _);

            // The TLS layer of .NET on Linux caches a session for resumption only under a host name, never under an IP
            // literal; FTPS servers refuse data connections that do not resume the control session. So an IP literal is
            // replaced by a name of our own (reserved .invalid domain, unique to this session so two sessions never
            // resume each other's), and the certificate is checked against the IP address here instead.
            TargetHost = hostIsAddress ? "s" + Guid.NewGuid().ToString("N").Substring(0, 16) + ".ftptools.invalid" : host;
            controlCallback = ValidateControlCertificate;
            dataCallback = ValidateDataCertificate;
        }

        public string TargetHost { get; }

        public string? ServerCertificateThumbprint { get; private set; }

        public SslStream AuthenticateControl(Stream inner, string? command)
        {
            var stream = Authenticate(inner, controlCallback, command, "control connection");
            if (stream.RemoteCertificate != null) ServerCertificateThumbprint = CertificateNameMatcher.Sha256Thumbprint(stream.RemoteCertificate);
            return stream;
        }

        public SslStream AuthenticateData(Stream inner, string command) => Authenticate(inner, dataCallback, command, "data connection");

        private SslStream Authenticate(Stream inner, RemoteCertificateValidationCallback callback, string? command, string channel)
        {
            var stream = new SslStream(inner, false, callback, null, EncryptionPolicy.RequireEncryption);
            validationFailure = null;
            validationCause = FtpFailureCause.Unknown;
            try
            {
                stream.AuthenticateAsClient(TargetHost, null, protocols, false);
                return stream;
            }
            // ArgumentException: .NET Framework refuses protocols it cannot offer (see TlsRuntime) before any byte is sent.
            catch (Exception exception) when (exception is AuthenticationException || exception is IOException || exception is ArgumentException)
            {
                stream.Dispose();
                var reason = validationFailure ?? "the TLS handshake on the " + channel + " failed: " + exception.Message;
                throw new FtpTlsException("TLS could not be established with " + host + ": " + reason, command, null, exception) { Cause = validationCause };
            }
        }

        private bool ValidateControlCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (skipValidation) return true;
            if (certificate is null)
            {
                validationFailure = "the server presented no certificate.";
                return false;
            }

            var thumbprint = CertificateNameMatcher.Sha256Thumbprint(certificate);
            if (pinnedThumbprints.Contains(thumbprint)) return true;
            if (hostIsAddress)
            {
                errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
                using (var certificate2 = new X509Certificate2(certificate))
                    if (!CertificateNameMatcher.Matches(certificate2, host.Trim('[', ']'))) errors |= SslPolicyErrors.RemoteCertificateNameMismatch;
            }

            if (errors == SslPolicyErrors.None) return true;
            validationFailure = DescribeFailure(errors, thumbprint);
            validationCause = pinnedThumbprints.Count > 0 ? FtpFailureCause.CertificatePinMismatch : FtpFailureCause.CertificateUntrusted;
            return false;
        }

        private bool ValidateDataCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (skipValidation) return true;
            if (certificate != null && string.Equals(CertificateNameMatcher.Sha256Thumbprint(certificate), ServerCertificateThumbprint, StringComparison.Ordinal))
                return true;
            validationFailure = "the data connection presented a different certificate from the control connection (expected SHA-256 "
                + ServerCertificateThumbprint + "); another host may have answered on the data port.";
            return false;
        }

        private string DescribeFailure(SslPolicyErrors errors, string thumbprint)
        {
            if (pinnedThumbprints.Count > 0)
            {
                // A pin was given and this is not the pinned certificate: the question is not trust but identity.
                return "the server's certificate does not match the pinned thumbprint: the server presents SHA-256 " + thumbprint + ", and -CertificateThumbprint pins "
                    + string.Join(", ", pinnedThumbprints) + ". Either the pin is wrong, the server's certificate was replaced (renewed), or another host answered.";
            }

            var problems = new List<string>();
            if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                problems.Add("its certificate is not trusted by this computer (self-signed or issued by an unknown authority, or expired)");
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                problems.Add("its certificate is not issued for \"" + host + "\"");
            if (problems.Count == 0) problems.Add("its certificate is not acceptable (" + errors + ")");
            return "the server's certificate was rejected: " + string.Join(" and ", problems) + ". To trust exactly this certificate, pin its SHA-256 thumbprint " + thumbprint + ".";
        }
    }
}

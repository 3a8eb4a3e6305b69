using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>Watches one attempt's control conversation for what the diagnoses name: the 227 address, the EPSV port, the PORT/EPRT address.</summary>
    internal sealed class AttemptTrace
    {
        private static readonly Regex PasvNumbers = new Regex(@"(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})", RegexOptions.CultureInvariant);
        private static readonly Regex EpsvPort = new Regex(@"\(\|\|\|(\d{1,5})\|\)", RegexOptions.CultureInvariant);
        private static readonly Regex Eprt = new Regex(@"^EPRT \|[12]\|([^|]+)\|(\d{1,5})\|", RegexOptions.CultureInvariant);

        private readonly Action<FtpTraceEntry>? forward;

        public AttemptTrace(Action<FtpTraceEntry>? forward) => this.forward = forward;

        /// <summary>The address and port of the last 227 reply.</summary>
        public IPEndPoint? PassiveAnnounced { get; private set; }

        /// <summary>The port of the last 229 reply.</summary>
        public int? ExtendedPassivePort { get; private set; }

        /// <summary>The address and port of the last PORT or EPRT sent.</summary>
        public IPEndPoint? ActiveAdvertised { get; private set; }

        /// <summary>The last PORT or EPRT command sent.</summary>
        public string? ActiveCommand { get; private set; }

        public void Record(FtpTraceEntry entry)
        {
            forward?.Invoke(entry);
            var text = entry.Text;
            if (entry.Direction == FtpTraceDirection.Received && text.StartsWith("227", StringComparison.Ordinal))
            {
                var match = PasvNumbers.Match(text);
                if (match.Success) PassiveAnnounced = EndPoint(match, 1);
            }
            else if (entry.Direction == FtpTraceDirection.Received && text.StartsWith("229", StringComparison.Ordinal))
            {
                var match = EpsvPort.Match(text);
                if (match.Success) ExtendedPassivePort = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (entry.Direction == FtpTraceDirection.Sent && text.StartsWith("PORT ", StringComparison.Ordinal))
            {
                var match = PasvNumbers.Match(text);
                if (match.Success) ActiveAdvertised = EndPoint(match, 1);
                ActiveCommand = "PORT";
            }
            else if (entry.Direction == FtpTraceDirection.Sent && text.StartsWith("EPRT ", StringComparison.Ordinal))
            {
                var match = Eprt.Match(text);
                if (match.Success && IPAddress.TryParse(match.Groups[1].Value, out var address))
                    ActiveAdvertised = new IPEndPoint(address, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
                ActiveCommand = "EPRT";
            }
        }

        private static IPEndPoint? EndPoint(Match match, int first)
        {
            var parts = new int[6];
            for (var i = 0; i < 6; i++)
            {
                parts[i] = int.Parse(match.Groups[first + i].Value, CultureInfo.InvariantCulture);
                if (parts[i] > 255) return null;
            }

            return new IPEndPoint(new IPAddress(new[] { (byte)parts[0], (byte)parts[1], (byte)parts[2], (byte)parts[3] }), parts[4] * 256 + parts[5]);
        }
    }
}

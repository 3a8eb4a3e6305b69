using System;
using System.Net;
using System.Net.Sockets;

namespace FtpTools.Engine.Diagnostics
{
    /// <summary>Turns a failed listing over one data connection variant into the sentence that names its cause.</summary>
    internal static class DataFailureReader
    {
        public static string Explain(ProbeDataConnection variant, FtpException failure, AttemptTrace trace, IPAddress control, bool passiveControlAddressWorks)
        {
            var reply = failure.Reply?.ToString();
            if (failure.ReplyCode == 522 || (failure.ReplyCode == 425 && reply != null && reply.IndexOf("reuse", StringComparison.OrdinalIgnoreCase) >= 0))
                return ProbeDiagnoses.SessionReuseRequired(reply!);

            if (variant == ProbeDataConnection.Active) return ExplainActive(failure, trace, reply);

            if (failure.Phase == FtpPhase.DataConnection && failure.Reply is null && IsConnectFailure(failure.InnerException))
            {
                var refused = failure.InnerException is SocketException socketError && socketError.SocketErrorCode == SocketError.ConnectionRefused;
                if (variant == ProbeDataConnection.ExtendedPassive && trace.ExtendedPassivePort is int epsvPort)
                    return ProbeDiagnoses.PassivePortClosed(control, epsvPort, refused);
                if (trace.PassiveAnnounced is IPEndPoint announced)
                {
                    if (variant == ProbeDataConnection.PassiveServerAddress && !announced.Address.Equals(control))
                        return ProbeDiagnoses.PrivatePassiveAddress(announced.Address, control, passiveControlAddressWorks);
                    return ProbeDiagnoses.PassivePortClosed(variant.UseServerPassiveAddress ? announced.Address : control, announced.Port, refused);
                }
            }

            if (failure.Command is string command && (command == "EPSV" || command == "PASV") && failure.Reply != null)
                return variant.Name + " failed: the server refused " + command + " (" + reply + ").";
            if (failure.ReplyCode == 425 || failure.ReplyCode == 426) return ProbeDiagnoses.DataRefused(variant.Name, reply!);
            return variant.Name + " failed: " + failure.Message;
        }

        private static string ExplainActive(FtpException failure, AttemptTrace trace, string? reply)
        {
            if (trace.ActiveCommand != null && failure.Command != null && failure.Command.StartsWith(trace.ActiveCommand, StringComparison.Ordinal) && failure.Reply != null && failure.ReplyCode != 425)
                return ProbeDiagnoses.ActiveRefused(trace.ActiveCommand, reply!);
            if (failure.Phase == FtpPhase.DataConnection && trace.ActiveAdvertised != null && (failure.Reply is null || failure.ReplyCode == 425))
                return ProbeDiagnoses.ActiveBlocked(trace.ActiveAdvertised);
            return "Active mode failed: " + failure.Message;
        }

        /// <summary>The sentence's opening up to its first number: failures that differ only in a port number share it.</summary>
        public static string Cause(string sentence)
        {
            var digit = sentence.IndexOfAny("0123456789".ToCharArray());
            return digit < 0 ? sentence : sentence.Substring(0, digit);
        }

        private static bool IsConnectFailure(Exception? inner) => inner is SocketException || inner is TimeoutException;
    }
}

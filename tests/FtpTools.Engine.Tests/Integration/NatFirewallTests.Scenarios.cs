using System;
using System.Linq;
using FtpTools.Engine.Diagnostics;
using Xunit;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>
/// The seven namespace scenarios of issue 9, through the engine and through Test-FtpConnection's probe (--diagnose).
/// The data timeout is 5 s, so "within the data timeout" is asserted as at most 5 s plus start-up slack.
/// </summary>
public sealed partial class NatFirewallTests
{
    private static readonly TimeSpan WithinDataTimeout = TimeSpan.FromSeconds(9);

    // 1. Client behind a stateful firewall: passive works, active fails and the diagnosis explains it.
    [NetnsFact]
    public void Scenario1_DiagnosisRecommendsPassiveAndExplainsActive()
    {
        ProbeResult result = Diagnose(_lab.NatTlsPort, "--pin", _lab.CertificateSha256);
        Assert.True(result.Ok, result.Line);
        Assert.Equal("Explicit", result.Encryption);
        Assert.Equal("Auto", result.DataConnection);
        Assert.StartsWith("Use explicit FTPS on port " + _lab.NatTlsPort + " with passive mode (EPSV)", result.Diagnosis[0]);
        ProbeAttemptLine active = result.Attempts.Single(a => a.DataConnection == "Active");
        Assert.False(active.Success);
        Assert.StartsWith("Active mode failed: the server could not connect back to " + _lab.ClientAddress + ":", active.Diagnosis);
        Assert.EndsWith("A firewall or NAT in front of this computer blocks inbound connections; use passive mode (the default).", active.Diagnosis);
        Assert.InRange(active.Elapsed, TimeSpan.FromSeconds(4.5), WithinDataTimeout);
        Assert.Contains(active.Diagnosis, result.Diagnosis);
    }

    // 2. Server behind NAT advertising its private address: the diagnosis says so (the engine tests above prove the rest).
    [NetnsFact]
    public void Scenario2_DiagnosisNamesThePrivateAddressAndSaysTheControlAddressWorks()
    {
        ProbeResult result = Diagnose(_lab.NatBadPort, "--encryption", "None");
        Assert.True(result.Ok, result.Line);
        Assert.True(result.Attempts.Single(a => a.DataConnection == "PASV").Success);
        Assert.False(result.Attempts.Single(a => a.DataConnection == "PASV (server's address)").Success);
        Assert.Contains(ProbeDiagnoses.PrivatePassiveAddress(System.Net.IPAddress.Parse(_lab.PrivateAddress), System.Net.IPAddress.Parse(_lab.PublicAddress), true), result.Diagnosis);
    }

    // 3. The server's firewall drops its passive range: the error comes within the data timeout and names address, port and cause.
    [NetnsTheory]
    [InlineData("ExtendedPassive", "EPSV")]
    [InlineData("Passive", "PASV")]
    public void Scenario3_ClosedPassiveRangeFailsWithinTheDataTimeoutNamingAddressPortAndCause(string mode, string command)
    {
        ProbeResult result = Probe(_lab.ClosedPort, "--mode", mode);
        AssertFailed(result, "FtpConnectionException", "DataConnection");
        Assert.Matches(@"passive mode \(" + command + @"\) to 10\.123\.0\.1:308\d\d could not be opened \(no answer within 5 s\)", result.Message);
        Assert.Contains("passive port range", result.Message);
        Assert.InRange(result.EngineTime, TimeSpan.FromSeconds(4.5), WithinDataTimeout);
    }

    [NetnsFact]
    public void Scenario3_DiagnosisSaysThePassiveRangeIsClosed()
    {
        ProbeResult result = Diagnose(_lab.ClosedPort, "--encryption", "None");
        Assert.False(result.Ok, result.Line);
        ProbeAttemptLine epsv = result.Attempts.Single(a => a.DataConnection == "EPSV");
        Assert.Matches(@"^Passive mode failed: port 308\d\d on 10\.123\.0\.1 did not answer\. The server's passive port range is not open in its firewall; "
            + @"its administrator must open it \(vsftpd pasv_min_port/pasv_max_port\)\.$", epsv.Diagnosis);
        Assert.Single(result.Diagnosis, sentence => sentence.StartsWith("Passive mode failed", StringComparison.Ordinal));
    }

    // 4. Explicit FTPS through the NAT of (2) (private 227 address), TLS session reuse required: a full round trip.
    [NetnsTheory]
    [InlineData("Auto", "ExtendedPassive")]
    [InlineData("Passive", "Passive")]
    public void Scenario4_ExplicitFtpsWithSessionReuseThroughThePrivateAddressNat(string mode, string expectedMode)
    {
        ProbeResult result = Probe(_lab.NatTlsPrivatePort, "--mode", mode, "--encryption", "Explicit", "--pin", _lab.CertificateSha256);
        AssertOk(result);
        Assert.Equal(expectedMode, result.Mode);
        Assert.StartsWith("Tls1", result.Tls);
    }

    [NetnsFact]
    public void Scenario4_DiagnosisShowsSessionReuseWorkingAndThePrivateAddress()
    {
        ProbeResult result = Diagnose(_lab.NatTlsPrivatePort, "--pin", _lab.CertificateSha256);
        Assert.True(result.Ok, result.Line);
        Assert.True(result.Attempts.Single(a => a.Step == "TlsSessionReuse").Success, result.Line);
        Assert.Contains(result.Diagnosis, sentence => sentence.StartsWith("The server advertises the private address " + _lab.PrivateAddress, StringComparison.Ordinal));
    }

    // 5. Client behind NAT with a forwarded range: active works with the range and the external address, fails clearly without the address.
    [NetnsFact]
    public void Scenario5_ActiveModeBehindClientNatWorksWithForwardedRangeAndExternalAddress()
    {
        ProbeResult result = _lab.ProbeHost(_lab.NattedClientServerAddress, _lab.NatOkPort, "--mode", "Active", "--active-port-range", _lab.ForwardedPorts,
            "--active-external-address", _lab.ClientAddress, "--data-timeout-seconds", DataTimeoutSeconds);
        _output.WriteLine(result.Line);
        AssertOk(result);
        Assert.Equal("Active", result.Mode);
    }

    [NetnsFact]
    public void Scenario5_ActiveModeBehindClientNatWithoutTheExternalAddressFailsNamingIt()
    {
        ProbeResult result = _lab.ProbeHost(_lab.NattedClientServerAddress, _lab.NatOkPort, "--mode", "Active", "--active-port-range", _lab.ForwardedPorts,
            "--data-timeout-seconds", DataTimeoutSeconds);
        _output.WriteLine(result.Line);
        AssertFailed(result, "FtpCommandException", "DataConnection");
        Assert.Contains("refuses the address this computer advertised (" + _lab.ClientPrivateAddress + ")", result.Message);
        Assert.Contains("ActiveExternalAddress", result.Message);
        Assert.InRange(result.EngineTime, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [NetnsFact]
    public void Scenario5_DiagnosisWithTheForwardedRangeFindsActiveModeWorking()
    {
        ProbeResult result = _lab.ProbeHost(_lab.NattedClientServerAddress, _lab.NatOkPort, "--diagnose", "--encryption", "None", "--active-port-range", _lab.ForwardedPorts,
            "--active-external-address", _lab.ClientAddress, "--data-timeout-seconds", DataTimeoutSeconds);
        _output.WriteLine(result.Line);
        ProbeAttemptLine active = result.Attempts.Single(a => a.DataConnection == "Active");
        Assert.True(active.Success, result.Line);
        Assert.Matches(@"the server connected back to " + _lab.ClientAddress.Replace(".", @"\.") + @":200\d\d\.$", active.Diagnosis);
    }

    // 6. An implicit FTPS port used as explicit: silent after connect; named within seconds.
    [NetnsFact]
    public void Scenario6_ASilentImplicitPortIsNamedWithinSeconds()
    {
        ProbeResult result = Diagnose(_lab.ImplicitPort, "--pin", _lab.CertificateSha256);
        Assert.True(result.Ok, result.Line);
        Assert.Equal("Implicit", result.Encryption);
        ProbeAttemptLine greeting = result.Attempts.Single(a => a.Step == "Greeting");
        Assert.False(greeting.Success);
        Assert.InRange(greeting.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(6));
        Assert.Contains(ProbeDiagnoses.ImplicitPort(_lab.ImplicitPort), result.Diagnosis);
    }

    [NetnsFact]
    public void Scenario6_TheImplicitPortWorksAsImplicit()
    {
        ProbeResult result = Probe(_lab.ImplicitPort, "--encryption", "Implicit", "--pin", _lab.CertificateSha256);
        AssertOk(result);
    }

    // 7. IPv6 only: EPSV and EPRT over an IPv6 address.
    [NetnsTheory]
    [InlineData("ExtendedPassive")]
    [InlineData("Active")]
    public void Scenario7_EpsvAndEprtOverIpv6(string mode)
    {
        ProbeResult result = _lab.ProbeHost(_lab.Ipv6Address, _lab.Ipv6Port, "--mode", mode, "--data-timeout-seconds", DataTimeoutSeconds);
        _output.WriteLine(result.Line);
        AssertOk(result);
        Assert.Equal(mode, result.Mode);
    }

    [NetnsFact]
    public void Scenario7_DiagnosisOverIpv6TriesEpsvAndEprtButNotPasv()
    {
        ProbeResult result = _lab.ProbeHost(_lab.Ipv6Address, _lab.Ipv6Port, "--diagnose", "--encryption", "None", "--data-timeout-seconds", DataTimeoutSeconds);
        _output.WriteLine(result.Line);
        Assert.True(result.Ok, result.Line);
        Assert.Equal(new[] { "EPSV", "Active" }, result.Attempts.Where(a => a.Step == "Listing").Select(a => a.DataConnection));
        Assert.All(result.Attempts.Where(a => a.Step == "Listing"), a => Assert.True(a.Success, a.Diagnosis));
        Assert.Contains("over a data connection to [" + _lab.Ipv6Address + "]:", result.Attempts.Single(a => a.DataConnection == "EPSV").Diagnosis);
        Assert.Contains("the server connected back to [" + _lab.ClientIpv6Address + "]:", result.Attempts.Single(a => a.DataConnection == "Active").Diagnosis);
    }

    private ProbeResult Diagnose(int port, params string[] options) => Probe(port, new[] { "--diagnose" }.Concat(options).ToArray());
}

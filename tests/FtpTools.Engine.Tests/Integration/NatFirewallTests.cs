using System;
using Xunit;
using Xunit.Abstractions;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>
/// The engine against a real stateful client firewall and a server behind NAT (tests/lab/netns.sh): the client namespace
/// drops inbound connections that are not ESTABLISHED/RELATED; the server listens on a private address behind DNAT.
/// </summary>
public sealed partial class NatFirewallTests : IClassFixture<NatFirewallLab>
{
    private const string DataTimeoutSeconds = "5";

    private readonly NatFirewallLab _lab;
    private readonly ITestOutputHelper _output;

    public NatFirewallTests(NatFirewallLab lab, ITestOutputHelper output)
    {
        _lab = lab;
        _output = output;
    }

    [NetnsTheory]
    [InlineData("Auto", "ExtendedPassive")]
    [InlineData("ExtendedPassive", "ExtendedPassive")]
    [InlineData("Passive", "Passive")]
    public void PassiveModesCrossTheClientFirewallAndTheServerNat(string mode, string expectedMode)
    {
        ProbeResult result = Probe(_lab.NatOkPort, "--mode", mode);
        AssertOk(result);
        Assert.Equal(expectedMode, result.Mode);
    }

    [NetnsFact]
    public void PasvFromAServerAdvertisingItsPrivateAddressWorksBecauseTheAddressIsIgnored()
    {
        ProbeResult result = Probe(_lab.NatBadPort, "--mode", "Passive");
        AssertOk(result);
        Assert.Equal("Passive", result.Mode);
    }

    [NetnsFact]
    public void HonouringTheAdvertisedPrivateAddressFailsNamingItAndTheFirewallOrNatCause()
    {
        ProbeResult result = Probe(_lab.NatBadPort, "--mode", "Passive", "--trust-pasv-address");
        AssertFailed(result, "FtpConnectionException", "DataConnection");
        Assert.Contains("passive mode (PASV) to " + _lab.PrivateAddress + ":", result.Message);
        Assert.Contains("firewall", result.Message);
        Assert.Contains("NAT", result.Message);
    }

    [NetnsFact]
    public void ActiveModeThroughTheClientFirewallFailsWithinTheDataTimeoutAndSuggestsPassiveMode()
    {
        ProbeResult result = Probe(_lab.NatOkPort, "--mode", "Active");
        AssertFailed(result, "FtpConnectionException", "DataConnection");
        Assert.Contains("Active mode", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(
            result.Message!.Contains("inbound connections", StringComparison.Ordinal) || result.Message.Contains("must connect to this computer", StringComparison.Ordinal),
            "the message should say that active mode needs inbound connections: " + result.Message);
        Assert.Contains("passive mode", result.Message);
        // vsftpd itself gives up connecting only after its connect_timeout (60 s); the engine must not wait for that.
        Assert.InRange(result.EngineTime, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    [NetnsFact]
    public void ActiveModeWorksOnceTheClientFirewallTracksFtp()
    {
        ProbeResult? result = null;
        _lab.WithClientFtpHelper(() => result = Probe(_lab.NatOkPort, "--mode", "Active"));
        AssertOk(result!);
        Assert.Equal("Active", result!.Mode);
    }

    [NetnsTheory]
    [InlineData("Auto")]
    [InlineData("Passive")]
    public void ExplicitFtpsWithRequiredSessionReuseCrossesNatInPassiveMode(string mode)
    {
        ProbeResult result = Probe(_lab.NatTlsPort, "--mode", mode, "--encryption", "Explicit", "--pin", _lab.CertificateSha256);
        AssertOk(result);
        Assert.StartsWith("Tls1", result.Tls);
    }

    private ProbeResult Probe(int port, params string[] options)
    {
        var arguments = new string[options.Length + 2];
        options.CopyTo(arguments, 0);
        arguments[^2] = "--data-timeout-seconds";
        arguments[^1] = DataTimeoutSeconds;
        ProbeResult result = _lab.Probe(port, arguments);
        _output.WriteLine($"port {port} {string.Join(' ', options)}: {result.Line} (wall {result.WallTime.TotalSeconds:0.0} s)");
        return result;
    }

    private static void AssertOk(ProbeResult result) => Assert.True(result.Ok, "the probe failed: " + result.Line);

    private static void AssertFailed(ProbeResult result, string exception, string phase)
    {
        Assert.False(result.Ok, "the probe should have failed: " + result.Line);
        Assert.Equal(exception, result.Exception);
        Assert.Equal(phase, result.Phase);
        Assert.NotNull(result.Message);
    }
}

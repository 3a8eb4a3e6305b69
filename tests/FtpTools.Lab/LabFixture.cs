using System;

namespace FtpTools.Lab;

/// <summary>
/// xunit fixture owning one lab with every server, started once per test collection:
///   [CollectionDefinition(LabCollection.Name)] public sealed class LabCollection : ICollectionFixture&lt;LabFixture&gt; { }
/// When the lab is not installed and CI is not set, nothing is started (the [LabFact]s are skipped); under CI a
/// missing lab makes the fixture, and with it every test of the collection, fail.
/// </summary>
public sealed class LabFixture : IDisposable
{
    private readonly Lab? _lab;

    public LabFixture()
    {
        var environment = new LabEnvironment();
        SkipReason = LabSkip.Reason(environment);
        if (SkipReason is null)
        {
            _lab = Lab.Start(Lab.AllServerNames, environment);
        }
    }

    /// <summary>Why the lab was not started; null when it runs.</summary>
    public string? SkipReason { get; }

    public Lab Lab => _lab ?? throw new InvalidOperationException(SkipReason ?? "FTP lab not started");

    public LabServer this[string name] => Lab.Server(name);

    public void Dispose() => _lab?.Dispose();
}

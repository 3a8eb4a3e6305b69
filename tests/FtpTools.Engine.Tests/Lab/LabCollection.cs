using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Lab;

/// <summary>All tests against real servers share one lab (servers start once per test run).</summary>
[CollectionDefinition(Name)]
public sealed class LabCollection : ICollectionFixture<LabFixture>
{
    public const string Name = "FTP lab";
}

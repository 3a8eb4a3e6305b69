using System;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Integration
{
    /// <summary>Starts every lab server once for all integration tests; stops them at the end of the run.</summary>
    public sealed class LabFixture : IDisposable
    {
        private readonly Lazy<FtpTools.Lab.Lab> lab = new Lazy<FtpTools.Lab.Lab>(() => FtpTools.Lab.Lab.StartAll());

        public FtpTools.Lab.Lab Lab => lab.Value;

        public LabServer this[string name] => Lab[name];

        public void Dispose()
        {
            if (lab.IsValueCreated) lab.Value.Dispose();
        }
    }

    [CollectionDefinition(Name)]
    public sealed class LabCollection : ICollectionFixture<LabFixture>
    {
        public const string Name = "FTP lab";
    }
}

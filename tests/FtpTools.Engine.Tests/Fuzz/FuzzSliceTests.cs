using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Tests.Measuring;
using FtpTools.Fuzz;
using Xunit;

namespace FtpTools.Engine.Tests.Fuzz
{
    /// <summary>A fixed-seed slice of the fuzz program (tests/FtpTools.Fuzz): the same generators and contracts, 10,000 inputs per parser.</summary>
    [Collection(MeasuredAloneCollection.Name)]
    public sealed class FuzzSliceTests
    {
        private const int SliceSeed = 20261121;
        private const int SliceInputs = 10_000;

        public static IEnumerable<object[]> Targets() => FuzzTargets.All.Select(target => new object[] { target.Name });

        [Theory]
        [MemberData(nameof(Targets))]
        public void TenThousandInputsStayWithinTheParsersContractTimeAndMemory(string targetName)
        {
            var report = FuzzHarness.Run(FuzzTargets.Find(targetName), SliceInputs, SliceSeed, TimeSpan.FromSeconds(2));

            Assert.True(report.Passed, report.ToString());
            Assert.Equal(SliceInputs, report.Inputs);
        }

        [Fact]
        public void EveryParserOfServerInputIsFuzzed()
        {
            Assert.Equal(
                new[] { "dos-list", "epsv-229", "feat-211", "mlsd", "mlst", "parser-chain", "pasv-227", "pwd-257", "reply-reader", "unix-list" },
                FuzzTargets.All.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void TheSameSeedGivesTheSameInputs()
        {
            var target = FuzzTargets.Find("parser-chain");
            var first = new Random(5);
            var second = new Random(5);
            for (var i = 0; i < 1000; i++) Assert.Equal(target.NextInput(first), target.NextInput(second));
        }

        [Fact]
        public void AnUndocumentedExceptionFailsTheRunAndNamesTheInput()
        {
            var target = new FuzzTarget("throws", "none", random => "input " + random.Next(3), input =>
            {
                if (input == "input 2") throw new FormatException("bad");
            }, _ => false);

            var report = FuzzHarness.Run(target, 200, 1, TimeSpan.FromSeconds(1));

            Assert.False(report.Passed);
            Assert.Contains("FormatException", report.FirstFailure);
            Assert.Contains("\"input 2\"", report.FirstFailure);
        }

        [Fact]
        public void ADocumentedExceptionIsCountedNotFailed()
        {
            var target = new FuzzTarget("documented", "FtpProtocolException", random => "x", _ => throw new FtpProtocolException("no", FtpPhase.Command), e => e is FtpProtocolException);

            var report = FuzzHarness.Run(target, 100, 1, TimeSpan.FromSeconds(1));

            Assert.True(report.Passed, report.ToString());
            Assert.Equal(100, report.Exceptions["FtpProtocolException"]);
        }

        [Fact]
        public void AnInputThatNeverReturnsIsReportedAsAHang()
        {
            using var release = new ManualResetEventSlim();
            var target = new FuzzTarget("hangs", "none", random => "x", _ => release.Wait(TimeSpan.FromSeconds(30)), _ => false);

            var report = FuzzHarness.Run(target, 10, 1, TimeSpan.FromMilliseconds(50), hangLimit: TimeSpan.FromMilliseconds(500));
            release.Set();

            Assert.True(report.Hung);
            Assert.False(report.Passed);
        }
    }
}

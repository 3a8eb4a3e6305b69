using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace FtpTools.Engine.Tests.Listing
{
    public class HotPathTests
    {
        [Fact]
        public void The_flag_is_the_runtimes_aggressive_optimization()
        {
            Assert.Equal(MethodImplOptions.AggressiveOptimization, HotPath.Optimized);
        }

        [Theory]
        [InlineData(typeof(FtpLineReader), "ReadLine")]
        [InlineData(typeof(FtpListingParserChain), "ParseLine")]
        [InlineData(typeof(UnixListingParser), "TryParse")]
        [InlineData(typeof(MlsdParser), "TryParse")]
        [InlineData(typeof(FtpListingStream), "Offer")]
        [InlineData(typeof(FtpListingCollector), "Item")]
        [InlineData(typeof(ListingLineTokens), "Split")]
        public void Each_listing_line_runs_through_methods_compiled_optimized_at_their_first_call(Type type, string name)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Where(method => method.Name == name).ToList();
            Assert.NotEmpty(methods);
            Assert.All(methods, method => Assert.True(method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), type.Name + "." + name));
        }

        [Fact]
        public void The_line_loop_of_a_listing_is_compiled_optimized_at_its_first_call()
        {
            // The lambda ReadDataLines hands to RunTransfer holds the loop over the data connection's lines.
            var loops = typeof(FtpClient).GetNestedTypes(BindingFlags.NonPublic)
                .SelectMany(closure => closure.GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
                .Where(method => method.Name.Contains("<ReadDataLines>", StringComparison.Ordinal)
                    && method.GetParameters().Select(parameter => parameter.ParameterType).SequenceEqual(new[] { typeof(System.IO.Stream), typeof(TransferMonitor) }))
                .ToList();
            Assert.Single(loops);
            Assert.True(loops[0].MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
        }
    }
}

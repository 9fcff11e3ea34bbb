using Cch.Neural;

namespace Cch.Tests.Neural;

/// <summary>Truth: the documented ranges (stream ids 0–255; non-negative 63- and 31-bit seeds) and independence of neighbouring ids.</summary>
public sealed class SeedStreamsTests
{
    [Fact]
    public void Streams_are_distinct_non_negative_and_range_checked()
    {
        var torchSeeds = Enumerable.Range(0, 256).Select(s => SeedStreams.Torch(7, s)).ToArray();
        var managed = Enumerable.Range(0, 256).Select(s => SeedStreams.Managed(7, s)).ToArray();

        Assert.Equal(256, torchSeeds.Distinct().Count());
        Assert.Equal(256, managed.Distinct().Count());
        Assert.All(torchSeeds, s => Assert.True(s >= 0));
        Assert.All(managed, s => Assert.True(s >= 0));
        Assert.NotEqual(SeedStreams.Managed(7, 1), SeedStreams.Managed(8, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedStreams.Torch(7, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedStreams.Managed(7, -1));
    }
}

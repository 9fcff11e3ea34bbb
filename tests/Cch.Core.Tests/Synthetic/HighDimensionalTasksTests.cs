using Cch.Synthetic;

namespace Cch.Tests.Synthetic;

/// <summary>The high-dimensional Gaussian tasks: ids in bmi's style and closed-form truths.</summary>
public sealed class HighDimensionalTasksTests
{
    [Fact]
    public void Tasks_HaveBmiStyleIdsAndKnownTruths()
    {
        Assert.Equal(["multinormal-dense-100-100-0.5", "multinormal-sparse-100-100-2-2.0", "multinormal-sparse-500-500-2-2.0"],
            HighDimensionalTasks.All.Select(t => t.Id));
        // Dense: one canonical correlation r = 100·0.5/(1 + 99·0.5) = 50/50.5.
        var r = 50 / 50.5;
        Assert.Equal(-0.5 * Math.Log(1 - r * r), HighDimensionalTasks.All[0].MutualInformation, 1e-9);
        Assert.Equal(1.9635, HighDimensionalTasks.All[0].MutualInformation, 4);
        Assert.Equal(-Math.Log(1 - 0.64), HighDimensionalTasks.All[1].MutualInformation, 1e-9);
        Assert.Equal(-Math.Log(1 - 0.64), HighDimensionalTasks.All[2].MutualInformation, 1e-9);
        Assert.Equal("Multinormal 500 × 500 (2-pair)", HighDimensionalTasks.All[2].Name);
    }

    [Fact]
    public void LargestTask_SamplesQuickly_WithThePairsCorrelated()
    {
        // N = 2,000: SE of a correlation 0.8 is 0.008, of 0 it is 0.022.
        var (x, y) = HighDimensionalTasks.All[2].Sample(2000, seed: 1);
        Assert.Equal((2000, 500), (x.Rows, x.Columns));
        double Correlation(int a, int b) => Enumerable.Range(0, 2000).Sum(i => x[i, a] * y[i, b]) / 2000;
        Assert.Equal(0.8, Correlation(0, 0), 0.03);
        Assert.Equal(0.8, Correlation(1, 1), 0.03);
        Assert.Equal(0.0, Correlation(2, 2), 0.08);
        Assert.Equal(0.0, Correlation(0, 1), 0.08);
    }
}

using Cch.Synthetic;
using Cch.Tests.Estimators;

namespace Cch.Tests.Synthetic;

/// <summary>
/// Label tasks: quadrature truths against an independently computed binary figure, capacity bounds, an independent
/// quadrature of h(X) and a Monte-Carlo average of the pointwise mutual information.
/// </summary>
public sealed class LabelTasksTests
{
    [Fact]
    public void All_HasTheSixTasks()
    {
        Assert.Equal(
            ["label-binary-gaussian-1-1.0", "label-binary-gaussian-5-1.0", "label-binary-gaussian-20-1.0",
             "label-binary-gaussian-100-1.0", "label-binary-gaussian-500-1.0", "label-10class-gaussian-20-1.5"],
            LabelTasks.All.Select(t => t.Id));
        Assert.Equal([1, 5, 20, 100, 500, 20], LabelTasks.All.Select(t => t.Dim));
        Assert.Equal([2, 2, 2, 2, 2, 10], LabelTasks.All.Select(t => t.ClassCount));
    }

    [Fact]
    public void BinaryTruth_MatchesIndependentQuadrature_AndStaysBelowTheGaussianBound()
    {
        foreach (var task in LabelTasks.All.Where(t => t.ClassCount == 2))
        {
            Assert.Equal(0.3368, task.MutualInformation, 4);                         // 0.3368 by quadrature for μ = 1 (docs/accuracy.md)
            Assert.True(task.MutualInformation < 0.5 * Math.Log(2));                // ½ ln(1 + μ²) = 0.3466
            Assert.True(0.5 * Math.Log(2) - task.MutualInformation > 0.009);
            Assert.Equal(EstimatorTestData.BinaryMixtureMi(1.0), task.MutualInformation, 1e-8); // Simpson on h(X)
            Assert.True(task.TruthErrorBound < 1e-8);
        }
    }

    [Fact]
    public void TenClassTruth_MatchesIndependentQuadrature_AndBounds()
    {
        var task = LabelTasks.All.Single(t => t.ClassCount == 10);
        var means = task.ClassMeans;
        Assert.InRange(task.MutualInformation, 1.2, 1.6);
        Assert.Equal(IndependentTruths.MixtureEntropyMi(means), task.MutualInformation, 1e-8);
        var meanOfMeans = means.Average();
        var variance = means.Sum(m => (m - meanOfMeans) * (m - meanOfMeans)) / means.Count;
        Assert.True(task.MutualInformation < 0.5 * Math.Log(1 + variance)); // Gaussian capacity bound
        Assert.True(task.MutualInformation < Math.Log(10));                  // H(Y)
        Assert.True(task.TruthErrorBound < 1e-8);
    }

    [Theory]
    [InlineData(0)] // binary, d = 1
    [InlineData(5)] // 10-class, d = 20
    public void Truth_MatchesMonteCarloOfPointwiseMi(int index)
    {
        // I = E[ln P(y | x) + ln C]; the posterior from the first coordinate (the others are noise).
        var task = LabelTasks.All[index];
        const int n = 100_000;
        var (x, classes) = task.Sample(n, seed: 11);
        var means = task.ClassMeans;
        var c = task.ClassCount;
        var values = new double[n];
        var logWeights = new double[c];
        for (var i = 0; i < n; i++)
        {
            var x1 = x[i, 0];
            var max = double.NegativeInfinity;
            for (var k = 0; k < c; k++)
            {
                logWeights[k] = -0.5 * (x1 - means[k]) * (x1 - means[k]);
                max = Math.Max(max, logWeights[k]);
            }

            var sum = 0.0;
            for (var k = 0; k < c; k++) sum += Math.Exp(logWeights[k] - max);
            values[i] = logWeights[classes[i]] - max - Math.Log(sum) + Math.Log(c);
        }

        var mean = values.Average();
        var se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1) / n);
        Assert.InRange(task.MutualInformation, mean - 4 * se, mean + 4 * se);
    }

    [Fact]
    public void Samples_HaveTheModelsMoments()
    {
        var task = LabelTasks.All.Single(t => t.ClassCount == 10);
        const int n = 20_000;
        var (x, classes) = task.Sample(n, seed: 2);
        Assert.Equal((n, 20), (x.Rows, x.Columns));
        var counts = new int[10];
        var sums = new double[10];
        for (var i = 0; i < n; i++)
        {
            counts[classes[i]]++;
            sums[classes[i]] += x[i, 0];
        }

        for (var k = 0; k < 10; k++)
        {
            Assert.InRange(counts[k], n / 10 - 250, n / 10 + 250);                  // SD 42
            Assert.Equal(task.ClassMeans[k], sums[k] / counts[k], 0.1);              // SE 0.022
        }

        for (var j = 1; j < 20; j++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < n; i++)
            {
                sum += x[i, j];
                squares += x[i, j] * x[i, j];
            }

            Assert.Equal(0.0, sum / n, 0.03);                                         // SE 0.007
            Assert.Equal(1.0, squares / n, 0.05);                                     // SE 0.01
        }
    }

    [Fact]
    public void SameSeed_Identical_OtherSeed_Different()
    {
        foreach (var task in LabelTasks.All)
        {
            var (x1, c1) = task.Sample(40, 3);
            var (x2, c2) = task.Sample(40, 3);
            var (x3, c3) = task.Sample(40, 4);
            Assert.Equal(x1.Values, x2.Values);
            Assert.Equal(c1, c2);
            Assert.NotEqual(x1.Values, x3.Values);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => LabelTasks.All[0].Sample(10, -2));
    }
}

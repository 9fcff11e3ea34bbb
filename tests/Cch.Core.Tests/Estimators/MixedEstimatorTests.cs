using Cch.Data;
using Cch.Estimators;
using Cch.Estimators.Internal;

namespace Cch.Tests.Estimators;

/// <summary>
/// Ross's mixed continuous/discrete estimator (PLoS ONE 2014, eq. 2). Truth for a balanced binary
/// label with X|Y ~ N(±μ, 1) is H(X) − ½ ln(2πe) by quadrature (computed here). Tolerances from 20
/// seeds at N = 5,000, k = 3: |bias| + 3·SD, rounded up; seed-0 values beside them.
/// </summary>
public sealed class MixedEstimatorTests
{
    private const int N = 5000;

    [Theory]
    // μ=0.5: bias −0.003, SD 0.007 → tol 0.025; seed 0 gives 0.1136.
    [InlineData(0.5, 0.1114, 0.025)]
    // μ=1: bias −0.004, SD 0.007 → tol 0.03; seed 0 gives 0.3338.
    [InlineData(1.0, 0.3368, 0.03)]
    // μ=2: bias −0.002, SD 0.004 → tol 0.02; seed 0 gives 0.6283.
    [InlineData(2.0, 0.6327, 0.02)]
    public void BinaryGaussianMixture_MatchesQuadrature(double mu, double quadrature, double tolerance)
    {
        var truth = EstimatorTestData.BinaryMixtureMi(mu);
        Assert.Equal(quadrature, truth, 1e-4); // the value written above, recomputed: a guard against editing one without the other
        var (x, classes) = EstimatorTestData.BinaryMixture(N, mu, seed: 0);
        Assert.InRange(new MixedEstimator(k: 3, seed: 0).Estimate(x, classes), truth - tolerance, truth + tolerance);
    }

    [Fact]
    public void Multivariate_IrrelevantDimensionsAddLittleBias()
    {
        // Two extra independent N(0,1) dimensions carry no information, so the truth is unchanged.
        // 20 seeds: bias +0.008, SD 0.010 → tol 0.04; seed 0 gives 0.3311.
        var (x, classes) = EstimatorTestData.BinaryMixture(N, 1.0, seed: 0, noiseDims: 2);
        Assert.InRange(new MixedEstimator().Estimate(x, classes), 0.3368 - 0.04, 0.3368 + 0.04);
    }

    [Fact]
    public void IndependentLabel_NearZero()
    {
        // μ = 0: X independent of Y. 20 seeds: bias −0.0005, SD 0.007 → tol 0.025; seed 0 gives −0.0023.
        var (x, classes) = EstimatorTestData.BinaryMixture(N, 0.0, seed: 0);
        Assert.InRange(new MixedEstimator().Estimate(x, classes), -0.025, 0.025);
    }

    [Fact]
    public void ConstantLabelOrConstantX_GiveExactlyZero()
    {
        var (x, _) = EstimatorTestData.BinaryMixture(500, 1.0, seed: 1);
        Assert.Equal(0.0, new MixedEstimator().Estimate(x, new int[500]));
        var (_, classes) = EstimatorTestData.BinaryMixture(500, 1.0, seed: 1);
        var constant = new FeatureMatrix("c", 500, 2, Enumerable.Repeat(1.5, 1000).ToArray());
        Assert.Equal(0.0, new MixedEstimator().Estimate(constant, classes));
        // Only one class has ≥ 2 points once singletons are dropped: still a constant label.
        var labels = new int[500];
        labels[3] = 1;
        labels[7] = 2;
        Assert.Equal(0.0, new MixedEstimator().Estimate(x, labels));
    }

    [Fact]
    public void SingletonClasses_AreExcluded()
    {
        // Appending rows whose classes occur once must give the bit-identical estimate: they are
        // dropped before standardisation and the jitter is keyed by original row index.
        var (x, classes) = EstimatorTestData.BinaryMixture(1000, 1.0, seed: 2);
        var mixed = new MixedEstimator();
        var baseline = mixed.Estimate(x, classes);
        var extra = new double[(1000 + 3) * 1];
        x.Values.CopyTo(extra, 0);
        extra[1000] = 50;
        extra[1001] = -3;
        extra[1002] = 0.1;
        var extraClasses = classes.Concat(new[] { 7, 8, 9 }).ToArray();
        Assert.Equal(baseline, mixed.Estimate(new FeatureMatrix("x", 1003, 1, extra), extraClasses));
    }

    [Fact]
    public void ScalingAColumn_LeavesEstimateUnchanged()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(2000, 1.0, seed: 3, noiseDims: 1);
        var mixed = new MixedEstimator();
        var baseline = mixed.Estimate(x, classes);
        Assert.Equal(baseline, mixed.Estimate(EstimatorTestData.ScaleColumn(x, 0, 0.125), classes));
        Assert.Equal(baseline, mixed.Estimate(EstimatorTestData.ScaleColumn(x, 1, 17.3, shift: 1e3), classes), 1e-9);
    }

    [Theory]
    [InlineData("Scalar")]
    [InlineData("Vector256")]
    [InlineData("Vector512")]
    public void FastKernel_MatchesScalarReference(string isaName)
    {
        // Brute force on the same prepared float32 values: m_i must match exactly. Three unbalanced
        // classes (one of size 2, so k_i = 1 there), a singleton, and integer-valued ties.
        var isa = Enum.Parse<KernelIsa>(isaName);
        var (x, _) = EstimatorTestData.Independent(613, 3, 1, seed: 4);
        var rounded = EstimatorTestData.Rounded(x, 2);
        var classes = new int[613];
        for (var i = 0; i < 613; i++) classes[i] = x[i, 0] > 0.8 ? 2 : x[i, 1] > 0 ? 1 : 0;
        classes[10] = 3;
        classes[20] = 3;
        classes[30] = 4;
        foreach (var data in new[] { x, rounded })
        {
            var mixed = new MixedEstimator(k: 3, seed: 5);
            var (groups, px) = mixed.Prepare(data, classes)!.Value;
            var fast = MixedCounts.Compute(px, groups, 3, isa);
            Assert.Equal(ScalarReference.MixedCounts(px, groups, 3), fast);
            Assert.Equal(612, px.Rows);
        }
    }

    [Fact]
    public void SameSeed_BitIdentical_DifferentSeed_Close()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(3000, 1.0, seed: 6, noiseDims: 2);
        var first = new MixedEstimator(seed: 1).Estimate(x, classes);
        var concurrent = new double[6];
        Parallel.For(0, concurrent.Length, i => concurrent[i] = new MixedEstimator(seed: 1).Estimate(x, classes));
        Assert.All(concurrent, v => Assert.Equal(first, v));
        // The seed only moves the 1e-5 jitter of continuous data: differences ~1e-4 or less.
        Assert.Equal(first, new MixedEstimator(seed: 2).Estimate(x, classes), 1e-3);
    }

    [Fact]
    public void InvalidInput_Throws()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(10, 1.0, seed: 7);
        Assert.Throws<ArgumentException>(() => new MixedEstimator().Estimate(x, classes.AsSpan(0, 9)));
        var (small, smallClasses) = EstimatorTestData.BinaryMixture(3, 1.0, seed: 7);
        Assert.Throws<ArgumentException>(() => new MixedEstimator(k: 3).Estimate(small, smallClasses));
        var negative = (int[])classes.Clone();
        negative[2] = -1;
        Assert.Throws<ArgumentException>(() => new MixedEstimator().Estimate(x, negative));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MixedEstimator(k: 0));
        Assert.Equal("mixed", new MixedEstimator().Name);
        Assert.Equal(4, new MixedEstimator().MinimumRows);
    }
}

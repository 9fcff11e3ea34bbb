using Cch.Data;
using Cch.Estimators;

namespace Cch.Tests.Estimators;

/// <summary>
/// Class-conditional Gaussian estimator. For X|Y ~ N(±μ, 1) with balanced Y its population value is
/// ½ ln(1 + μ²) (Var X = 1 + μ², Var X|c = 1), an upper bound on the true MI (quadrature, see
/// <see cref="EstimatorTestData.BinaryMixtureMi"/>) that is tight only for small μ. Tolerances from
/// 20 seeds at N = 5,000: |bias| + 3·SD, rounded up.
/// </summary>
public sealed class GaussianLabelEstimatorTests
{
    private const int N = 5000;

    [Theory]
    // μ=0.5: approximation holds (0.1116 vs truth 0.1114); bias −0.002, SD 0.006 → tol 0.02; seed 0 gives 0.1132.
    [InlineData(0.5, 0.02)]
    // μ=1: ½ln2 = 0.3466 vs truth 0.3368; bias −0.002, SD 0.009 → tol 0.03; seed 0 gives 0.3478.
    [InlineData(1.0, 0.03)]
    // μ=2: ½ln5 = 0.8047 vs truth 0.6327; bias −0.002, SD 0.011 → tol 0.035; seed 0 gives 0.8043.
    [InlineData(2.0, 0.035)]
    public void BinaryGaussianMixture_GivesTheGaussianMarginalValue(double mu, double tolerance)
    {
        var gaussianForm = 0.5 * Math.Log(1 + mu * mu);
        var (x, classes) = EstimatorTestData.BinaryMixture(N, mu, seed: 0);
        var estimate = new GaussianLabelEstimator().Estimate(x, classes);
        Assert.InRange(estimate, gaussianForm - tolerance, gaussianForm + tolerance);
    }

    [Fact]
    public void ClassConditionalGaussian_IsAnUpperBound()
    {
        // The documented behaviour: with Gaussian classes the estimate exceeds the true MI once the
        // mixture is visibly non-Gaussian. At μ = 2 the gap (0.17 nats) is > 5 SD.
        var (x, classes) = EstimatorTestData.BinaryMixture(N, 2.0, seed: 0);
        Assert.True(new GaussianLabelEstimator().Estimate(x, classes) > EstimatorTestData.BinaryMixtureMi(2.0) + 0.1);
        // At μ = 0.5 the approximation holds: within 0.02 of the truth 0.1114.
        var (x2, classes2) = EstimatorTestData.BinaryMixture(N, 0.5, seed: 0);
        Assert.Equal(0.1114, new GaussianLabelEstimator().Estimate(x2, classes2), 0.02);
    }

    [Fact]
    public void ConstantLabel_Singletons_AndConstantX()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(400, 1.0, seed: 1);
        var g = new GaussianLabelEstimator();
        Assert.Equal(0.0, g.Estimate(x, new int[400]));
        Assert.Equal(0.0, g.Estimate(new FeatureMatrix("c", 400, 1, Enumerable.Repeat(3.0, 400).ToArray()), classes));
        // Singleton classes are dropped before anything else: appending them changes nothing.
        var extra = x.Values.Concat(new[] { 9.0, -9.0 }).ToArray();
        Assert.Equal(g.Estimate(x, classes), g.Estimate(new FeatureMatrix("x", 402, 1, extra), classes.Concat(new[] { 5, 6 }).ToArray()));
    }

    [Fact]
    public void IndependentLabel_NearZero()
    {
        // μ = 0: population value 0; 20 seeds: mean 0.0000, SD 0.0002 → tol 0.005.
        var (x, classes) = EstimatorTestData.BinaryMixture(N, 0.0, seed: 0);
        Assert.InRange(new GaussianLabelEstimator().Estimate(x, classes), -0.005, 0.005);
    }

    [Fact]
    public void ClassesSmallerThanDimension_FallBackToShrinkage()
    {
        // 30 rows per class, 40 dimensions (39 pure noise): no class covariance is invertible, so
        // Ledoit–Wolf is used (0.43 measured vs the Gaussian-form 0.35). It must still see the signal:
        // above the same shapes with μ = 0 (truth 0), and within ln 2 (the label's entropy bounds the truth).
        var (x, classes) = EstimatorTestData.BinaryMixture(60, 1.0, seed: 0, noiseDims: 39);
        var (x0, classes0) = EstimatorTestData.BinaryMixture(60, 0.0, seed: 0, noiseDims: 39);

        var estimate = new GaussianLabelEstimator().Estimate(x, classes);
        var independent = new GaussianLabelEstimator().Estimate(x0, classes0);

        Assert.True(double.IsFinite(estimate) && double.IsFinite(independent));
        Assert.True(estimate > independent, $"{estimate} ≤ {independent}");
        Assert.True(estimate < Math.Log(2) + 0.1, estimate.ToString());
    }

    [Fact]
    public void InvalidInput_Throws()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(10, 1.0, seed: 2);
        Assert.Throws<ArgumentException>(() => new GaussianLabelEstimator().Estimate(x, classes.AsSpan(1)));
        var (small, smallClasses) = EstimatorTestData.BinaryMixture(2, 1.0, seed: 2);
        Assert.Throws<ArgumentException>(() => new GaussianLabelEstimator().Estimate(small, smallClasses));
        Assert.Equal("gaussian", new GaussianLabelEstimator().Name);
    }
}

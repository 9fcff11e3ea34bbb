using Cch.Data;
using Cch.Estimators;

namespace Cch.Tests.Estimators;

/// <summary>
/// Gaussian estimator ½ ln(det Σxx det Σyy / det Σ), bias-corrected sample covariance (default) or
/// Ledoit–Wolf shrinkage. Truths are the closed forms checked in <see cref="KsgEstimatorTests"/>
/// (Cover &amp; Thomas eq. 8.56).
/// Tolerances from 20 seeds at N = 5,000: |bias| + 3·SD, rounded up; seed-0 values beside them.
/// </summary>
public sealed class GaussianEstimatorTests
{
    private const int N = 5000;

    [Theory]
    // d=2: bias −0.003, SD 0.007 → tol 0.025; seed 0 gives 0.2895.
    [InlineData(2, 0.2939, 0.025)]
    // d=3: bias +0.004, SD 0.010 → tol 0.035; seed 0 gives 0.4394.
    [InlineData(3, 0.4133, 0.035)]
    // d=5: bias −0.001, SD 0.011 → tol 0.035; seed 0 gives 0.5772.
    [InlineData(5, 0.5928, 0.035)]
    public void DenseGaussian_MatchesClosedForm(int d, double truth, double tolerance)
    {
        var (x, y) = EstimatorTestData.Equicorrelated(N, d, 0.5, seed: 0);
        Assert.InRange(new GaussianEstimator().Estimate(x, y), truth - tolerance, truth + tolerance);
    }

    [Fact]
    public void TwoCorrelatedPairs_MatchesClosedForm()
    {
        // Truth −ln 0.36 = 1.0217. Bias −0.002, SD 0.015 → tol 0.05; seed 0 gives 0.9863.
        var (x, y) = EstimatorTestData.TwoPairs(N, 5, 0.8, seed: 0);
        Assert.InRange(new GaussianEstimator().Estimate(x, y), 1.0217 - 0.05, 1.0217 + 0.05);
        // Ledoit–Wolf (uncorrected) shrinks the two strong correlations: 20-seed mean 0.992 (bias −0.03).
        Assert.InRange(new GaussianEstimator(biasCorrected: false).Estimate(x, y), 1.0217 - 0.1, 1.0217);
    }

    [Fact]
    public void IndependentData_NearZero()
    {
        // Truth 0. Corrected: 20-seed mean −0.0001, SD 0.0006 → tol 0.005. The uncorrected plug-in
        // would be biased up by ≈ d_x·d_y/(2N) = 0.0025; Ledoit–Wolf shrinks it to ≥ 0.
        var (x, y) = EstimatorTestData.Independent(N, 5, 5, seed: 0);
        Assert.InRange(new GaussianEstimator().Estimate(x, y), -0.005, 0.005);
        Assert.InRange(new GaussianEstimator(biasCorrected: false).Estimate(x, y), 0.0, 0.005);
    }

    [Fact]
    public void ManyDimensions_BiasCorrectionRemovesTheDimensionBias()
    {
        // 50 + 50 dimensions, N = 500. Independent: the plug-in value is 2.82 nats of pure bias;
        // corrected, 10 seeds give mean −0.012, SD 0.044 → tol 0.15. Equicorrelated ρ = 0.5:
        // truth 1.6243 (closed form); corrected 10-seed mean 1.658, SD 0.08 → tol 0.3
        // (the Ledoit–Wolf value is 4.27).
        var g = new GaussianEstimator();
        Assert.True(g.UsesBiasCorrection(500, 100));
        var (xi, yi) = EstimatorTestData.Independent(500, 50, 50, seed: 0);
        Assert.InRange(g.Estimate(xi, yi), -0.15, 0.15);
        var (x, y) = EstimatorTestData.Equicorrelated(500, 50, 0.5, seed: 0);
        var truth = EstimatorTestData.GaussianMi(EstimatorTestData.EquicorrelationMatrix(100, 0.5), 50);
        Assert.InRange(g.Estimate(x, y), truth - 0.3, truth + 0.3);
    }

    [Fact]
    public void DimensionAtLeastN_FallsBackToShrinkage_ThatStillOrdersDependence()
    {
        // 60 + 60 dimensions from 100 rows: the sample covariance is singular (rank ≤ 99 < 120), so
        // the correction is impossible; Ledoit–Wolf makes Σ positive definite. The value is strongly
        // biased (22.7 nats here vs the closed-form 1.71, as documented), but it must still rise with
        // the dependence: the same shapes with ρ = 0.5 (truth 1.71) and independent columns (truth 0).
        var g = new GaussianEstimator();
        Assert.False(g.UsesBiasCorrection(100, 120));
        var (x, y) = EstimatorTestData.Equicorrelated(100, 60, 0.5, seed: 1);
        var (xi, yi) = EstimatorTestData.Independent(100, 60, 60, seed: 1);

        var dependent = g.Estimate(x, y);
        var independent = g.Estimate(xi, yi);

        Assert.True(double.IsFinite(dependent) && double.IsFinite(independent));
        Assert.True(dependent > EstimatorTestData.GaussianMi(EstimatorTestData.EquicorrelationMatrix(120, 0.5), 60), $"{dependent}: the shrinkage fallback is biased upwards, not downwards");
        Assert.True(dependent > independent, $"{dependent} ≤ {independent}");
    }

    [Fact]
    public void CollinearColumns_AreRegularisedConsistently()
    {
        // X = [a, a] (duplicated column) and Y = a + noise: Σ_xx and Σ are singular together; the
        // common ridge cancels, so the result equals the 1-dimensional value up to the bias term,
        // which counts the redundant column as a dimension: ½[ψ((N−1)/2) − ψ((N−3)/2)] − ½[ψ((N−1)/2)
        // − ψ((N−2)/2)] ≈ 1/(2N) = 2.5e-4 here (measured 2.5e-4) → tol 1e-3.
        var (a, y) = EstimatorTestData.Equicorrelated(2000, 1, 0.5, seed: 3);
        var doubled = new FeatureMatrix("x2", 2000, 2, a.Values.SelectMany(v => new[] { v, v }).ToArray());
        var g = new GaussianEstimator();
        Assert.Equal(g.Estimate(a, y), g.Estimate(doubled, y), 1e-3);
    }

    [Fact]
    public void ConstantColumnsAndScaling()
    {
        var (x, y) = EstimatorTestData.Equicorrelated(1000, 3, 0.5, seed: 2);
        var g = new GaussianEstimator();
        var baseline = g.Estimate(x, y);
        var constant = new FeatureMatrix("c", 1000, 1, Enumerable.Repeat(2.0, 1000).ToArray());
        Assert.Equal(0.0, g.Estimate(constant, y));
        Assert.Equal(0.0, g.Estimate(x, constant));
        Assert.Equal(baseline, g.Estimate(EstimatorTestData.AppendConstantColumn(x, 5), y), 1e-12);
        // Standardisation makes the estimate scale-invariant up to double rounding.
        Assert.Equal(baseline, g.Estimate(EstimatorTestData.ScaleColumn(x, 0, 123.4, shift: 9), y), 1e-9);
    }

    [Fact]
    public void InvalidInput_Throws()
    {
        var (x, y) = EstimatorTestData.Independent(10, 2, 2, seed: 3);
        var (x9, _) = EstimatorTestData.Independent(9, 2, 2, seed: 3);
        Assert.Throws<ArgumentException>(() => new GaussianEstimator().Estimate(x9, y));
        var (small, smallY) = EstimatorTestData.Independent(2, 1, 1, seed: 3);
        Assert.Throws<ArgumentException>(() => new GaussianEstimator().Estimate(small, smallY));
        Assert.Equal(3, new GaussianEstimator().MinimumRows);
        Assert.Equal("gaussian", new GaussianEstimator().Name);
        Assert.True(double.IsFinite(new GaussianEstimator().Estimate(x, y)));
    }

    [Fact]
    public void At_ten_rows_the_corrected_estimate_is_unbiased_for_independent_data()
    {
        // Truth 0 (X ⟂ Y). Each ln det is corrected by its exact Wishart expectation (Bishop 2006, eq. B.81),
        // so the estimate is unbiased even at N = 10 with 2 + 2 dimensions, and it may be negative:
        // over 400 seeds the mean must be 0 within 4 standard errors of the mean.
        var estimates = Enumerable.Range(0, 400).Select(seed =>
        {
            var (x, y) = EstimatorTestData.Independent(10, 2, 2, seed);
            return new GaussianEstimator().Estimate(x, y);
        }).ToArray();
        var mean = estimates.Average();
        var standardError = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Length - 1) / estimates.Length);

        Assert.InRange(mean, -4 * standardError, 4 * standardError);
        Assert.Contains(estimates, e => e < 0); // not clamped at 0, which would bias it upwards
    }
}

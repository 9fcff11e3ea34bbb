using System.Runtime.Intrinsics;
using Cch.Data;
using Cch.Estimators;
using Cch.Estimators.Internal;

namespace Cch.Tests.Estimators;

/// <summary>
/// The probe lower bound (Barber &amp; Agakov 2003). Truths: quadrature of ln 2 − E[H_b(posterior)] or of
/// h(H) − ½ ln(2πe) (1-d mixtures; extra noise coordinates carry no information), and the closed form
/// ½ ln(1 + |a|²/σ²) for a linear-Gaussian label. Tolerances = |bias| + 3·SD over data seeds 0–19
/// (probe run with the same generators, default settings), rounded up; the seed-0 value each test
/// sees is noted beside it. "Lower bound" checks: the estimate never exceeds the truth by more than
/// three of its own standard errors.
/// </summary>
public sealed class ProbeEstimatorTests
{
    private const double BinaryTruth = 0.3368;

    [Fact]
    public void BinaryMixtureTruth_AgreesAcrossThreeQuadratureRoutes()
    {
        // The posterior form and the entropy-of-the-mixture form are two routes to the same number.
        Assert.Equal(BinaryTruth, ProbeTestData.BinaryPosteriorMi(1.0), 1e-4);
        Assert.Equal(ProbeTestData.MixtureMi([-1.0, 1.0]), ProbeTestData.BinaryPosteriorMi(1.0), 1e-9);
        Assert.Equal(EstimatorTestData.BinaryMixtureMi(1.0), ProbeTestData.BinaryPosteriorMi(1.0), 1e-9);
    }

    [Theory]
    // 20 seeds at N = 10,000 (mean ± SD): d=1 0.3355 ± 0.0061 → tol 0.02; seed 0 gives 0.3368.
    [InlineData(1, 0.02)]
    // d=5: 0.3362 ± 0.0050 → tol 0.02; seed 0 gives 0.3410.
    [InlineData(5, 0.02)]
    // d=20: 0.3360 ± 0.0076 → tol 0.025; seed 0 gives 0.3365.
    [InlineData(20, 0.025)]
    // d=100: 0.3338 ± 0.0059 → tol 0.025; seed 0 gives 0.3440.
    [InlineData(100, 0.025)]
    // d=500: 0.3221 ± 0.0075 (−4.4 %: the excess held-out loss of 500 weights fitted on 8,000 rows;
    // min over the 20 seeds −8.1 %) → tol 0.04; seed 0 gives 0.3156 (−6.3 %).
    [InlineData(500, 0.04)]
    public void BinaryMixture_WithinToleranceOfTruth_AndBelowIt(int d, double tolerance)
    {
        var truth = ProbeTestData.BinaryPosteriorMi(1.0);
        var (x, classes) = EstimatorTestData.BinaryMixture(10_000, 1.0, seed: 0, noiseDims: d - 1);
        var result = new ProbeEstimator().EstimateDetailed(x, classes);
        Assert.InRange(result.Value, truth - tolerance, truth + tolerance);
        Assert.True(result.Value <= truth + 3 * result.Interval!.StandardError, $"{result.Value} is above the truth {truth} by more than 3 SE");
        Assert.InRange(result.Value, 0.9 * truth, 1.1 * truth);
    }

    [Fact]
    public void BinaryMixture_D500_WithinClassPenaltyAndDiscriminant_CloserThanPlainRidge()
    {
        // The plain L2 path (before 2026-12) at d = 500: 0.3056 ± 0.0077 over 20 seeds (−9.3 %), the
        // weighted path with the discriminant candidate 0.3221 ± 0.0075; the paired difference is
        // 0.0165 on average (seed 0: 0.2962 → 0.3156).
        var truth = ProbeTestData.BinaryPosteriorMi(1.0);
        var (x, classes) = EstimatorTestData.BinaryMixture(10_000, 1.0, seed: 0, noiseDims: 499);
        var plain = new ProbeEstimator { HighDimensional = false }.Estimate(x, classes);
        var weighted = new ProbeEstimator().Estimate(x, classes);
        Assert.True(weighted > plain + 0.01, $"weighted {weighted} vs plain {plain}");
        Assert.True(truth - weighted < 0.7 * (truth - plain), $"weighted {weighted} vs plain {plain}, truth {truth}");
    }

    [Fact]
    public void TenClassMixture_WithinToleranceOfTruth()
    {
        // Means 2·(c − 4.5), c = 0..9, on the first of 5 coordinates: truth 1.6507 nats (of ln 10 = 2.3026;
        // also 1.6506546 by Simpson's rule in an independent script). 20 seeds: 1.6501 ± 0.0066 → tol 0.025;
        // seed 0 gives 1.6623.
        var truth = ProbeTestData.MixtureMi(Enumerable.Range(0, 10).Select(c => 2.0 * (c - 4.5)).ToArray());
        Assert.Equal(1.6507, truth, 1e-4);
        var (x, classes) = ProbeTestData.ClassMixture(10_000, 10, 2.0, seed: 0, noiseDims: 4);
        var result = new ProbeEstimator().EstimateDetailed(x, classes);
        Assert.InRange(result.Value, truth - 0.025, truth + 0.025);
        Assert.True(result.Value <= truth + 3 * result.Interval!.StandardError);
    }

    [Fact]
    public void Regression_LinearGaussian_WithinToleranceOfClosedForm()
    {
        // Y = H₀ + 0.5·H₁ + ε, d = 10, N = 5,000: truth ½ ln(1 + 1.25/1) = 0.4055. 20 seeds: 0.4033 ± 0.0098
        // → tol 0.035; seed 0 gives 0.3877.
        var truth = 0.5 * Math.Log(1 + 1.25);
        var (x, y) = ProbeTestData.Linear(5000, 10, seed: 0);
        var result = new ProbeEstimator().EstimateDetailed(x, y);
        Assert.InRange(result.Value, truth - 0.035, truth + 0.035);
        Assert.True(result.Value <= truth + 3 * result.Interval!.StandardError);
    }

    [Fact]
    public void Independence_NearZero_SlightlyNegativeAllowed_WithNote()
    {
        // Classes: μ = 0, d = 20, N = 5,000; 20 seeds −0.0004 ± 0.0003 (range −0.0009…+0.0002) → ±0.002;
        // seed 0 gives −0.0004. Regression: d = 10; 20 seeds −0.0003 ± 0.0003 (−0.0010…+0.0004) → ±0.002;
        // seed 0 gives −0.0003.
        var (x, classes) = EstimatorTestData.BinaryMixture(5000, 0.0, seed: 0, noiseDims: 19);
        var result = new ProbeEstimator().EstimateDetailed(x, classes);
        Assert.InRange(result.Value, -0.002, 0.002);
        if (result.Value <= 0) Assert.Contains(result.Notes, n => n.Contains("No held-out evidence", StringComparison.Ordinal));

        var (h, y) = EstimatorTestData.Independent(5000, 10, 1, seed: 0);
        var regression = new ProbeEstimator().EstimateDetailed(h, y);
        Assert.InRange(regression.Value, -0.002, 0.002);
        if (regression.Value <= 0) Assert.Contains(regression.Notes, n => n.Contains("No held-out evidence", StringComparison.Ordinal));
    }

    [Fact]
    public void SameSeed_BitIdentical_AlsoConcurrentAndForAnyThreadCount()
    {
        var (x, classes) = ProbeTestData.ClassMixture(2000, 3, 1.0, seed: 4, noiseDims: 9);
        var reference = new ProbeEstimator(seed: 7).EstimateDetailed(x, classes);
        var again = new ProbeEstimator(seed: 7).EstimateDetailed(x, classes);
        var oneThread = new ProbeEstimator(seed: 7, threads: 1).EstimateDetailed(x, classes);
        var concurrent = new MutualInformationEstimate[4];
        Parallel.For(0, concurrent.Length, i => concurrent[i] = new ProbeEstimator(seed: 7).EstimateDetailed(x, classes));
        foreach (var other in concurrent.Append(again).Append(oneThread))
        {
            Assert.Equal(reference.Value, other.Value);
            Assert.Equal(reference.Interval!.RowInfluence, other.Interval!.RowInfluence);
            Assert.Equal(reference.Interval.ExtraVariance, other.Interval.ExtraVariance);
        }

        var (h, y) = ProbeTestData.Linear(1000, 30, seed: 4);
        var regression = new ProbeEstimator(seed: 7).Estimate(h, y);
        Assert.Equal(regression, new ProbeEstimator(seed: 7, threads: 1).Estimate(h, y));
    }

    [Fact]
    public void VectorWidths_GiveTheSameEstimate()
    {
        // The kernel is written once over 16 lanes (one 512-bit or two 256-bit vectors) with the same
        // reduction order, so both widths give the same bits where the runtime's exp/log agree.
        var (x, classes) = ProbeTestData.ClassMixture(2000, 4, 1.0, seed: 5, noiseDims: 20);
        var narrow = new ProbeEstimator { Isa = KernelIsa.Vector256 }.Estimate(x, classes);
        Assert.Equal(narrow, new ProbeEstimator().Estimate(x, classes), 12);
        if (Vector512.IsHardwareAccelerated)
            Assert.Equal(narrow, new ProbeEstimator { Isa = KernelIsa.Vector512 }.Estimate(x, classes), 12);
    }

    [Fact]
    public void OtherSeed_OtherFolds_SimilarValue()
    {
        // The seed only deals the folds; at N = 2,000 the value moves by about the fold-to-fold spread.
        var (x, classes) = EstimatorTestData.BinaryMixture(2000, 1.0, seed: 6, noiseDims: 4);
        var a = new ProbeEstimator(seed: 0).Estimate(x, classes);
        var b = new ProbeEstimator(seed: 1).Estimate(x, classes);
        Assert.NotEqual(a, b);
        Assert.InRange(Math.Abs(a - b), 0, 0.02);
    }

    [Fact]
    public void ColumnRescaling_AndConstantColumns_DoNotMatter()
    {
        var (x, classes) = ProbeTestData.ClassMixture(2000, 3, 1.0, seed: 8, noiseDims: 5);
        var probe = new ProbeEstimator();
        var baseline = probe.Estimate(x, classes);
        // Power-of-two scale: the standardised values are bit-identical, so is everything after.
        Assert.Equal(baseline, probe.Estimate(EstimatorTestData.ScaleColumn(x, 0, 4.0), classes));
        // Any other scale and shift: the folds are unchanged (keys use 16 significant bits); the
        // standardised values move in the last bits only.
        Assert.Equal(baseline, probe.Estimate(EstimatorTestData.ScaleColumn(x, 2, 3.7, shift: -12.5), classes), 6);
        Assert.Equal(baseline, probe.Estimate(EstimatorTestData.AppendConstantColumn(x, 3.0), classes));

        var (h, y) = ProbeTestData.Linear(1000, 6, seed: 8);
        var regression = probe.Estimate(h, y);
        Assert.Equal(regression, probe.Estimate(EstimatorTestData.ScaleColumn(h, 1, 0.25), y));
        Assert.Equal(regression, probe.Estimate(h, EstimatorTestData.ScaleColumn(y, 0, 1e3, shift: 7)), 6);
    }

    [Fact]
    public void PermutingRows_PermutesTheRowTerms_AndKeepsTheEstimate()
    {
        var (x, classes) = ProbeTestData.ClassMixture(1500, 3, 1.0, seed: 9, noiseDims: 3);
        var permutation = Enumerable.Range(0, 1500).ToArray();
        new Random(3).Shuffle(permutation);
        var xp = x.SelectRows(permutation);
        var cp = permutation.Select(i => classes[i]).ToArray();
        var probe = new ProbeEstimator();
        var original = probe.EstimateDetailed(x, classes);
        var permuted = probe.EstimateDetailed(xp, cp);
        Assert.Equal(original.Value, permuted.Value);
        for (var i = 0; i < permutation.Length; i++)
            Assert.Equal(original.Interval!.RowInfluence![permutation[i]], permuted.Interval!.RowInfluence![i]);
        Assert.Equal(original.Interval!.StandardError, permuted.Interval!.StandardError, 12);

        var (h, y) = ProbeTestData.Linear(1500, 5, seed: 9);
        var hp = h.SelectRows(permutation);
        var yp = y.SelectRows(permutation);
        var r0 = probe.EstimateDetailed(h, y);
        var r1 = probe.EstimateDetailed(hp, yp);
        Assert.Equal(r0.Value, r1.Value);
        for (var i = 0; i < permutation.Length; i++)
            Assert.Equal(r0.Interval!.RowInfluence![permutation[i]], r1.Interval!.RowInfluence![i]);
    }

    [Fact]
    public void Interval_CrossFit_FromRowTermsAndFoldSpread()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(3000, 1.0, seed: 10, noiseDims: 9);
        var result = new ProbeEstimator().EstimateDetailed(x, classes);
        var interval = result.Interval!;
        Assert.Equal("cross-fit", interval.Method);
        Assert.Equal(3000, interval.RowInfluence!.Length);
        Assert.True(interval.StandardError > 0);
        Assert.True(interval.ExtraVariance >= 0);
        Assert.Equal(0.0, interval.RowInfluence.Average(), 12);
        var variance = interval.RowInfluence.Sum(v => v * v) / 2999;
        Assert.Equal(Math.Sqrt(variance / 3000 + interval.ExtraVariance), interval.StandardError, 12);
        Assert.Equal(IntervalStrategy.Own, ((ILabelMutualInformationEstimator)new ProbeEstimator()).IntervalStrategy);
        Assert.Equal(IntervalStrategy.Own, ((IMutualInformationEstimator)new ProbeEstimator()).IntervalStrategy);

        // Training summary: 5 folds of 2,400 fitting rows; the held-out cross-entropy and the estimate
        // add up to the held-out label entropy (ln 2 for balanced classes, up to the p̂ plug-in).
        var training = result.Training!;
        Assert.Equal(5, training.Repeats);
        Assert.Equal(2400, training.FitRows);
        Assert.Equal(3000, training.EvaluationRows);
        Assert.Equal(5, training.RepeatValues.Count);
        Assert.Equal(result.Value, training.RepeatValues.Average(), 12);
        Assert.Equal(Math.Log(2), training.HeldOutLoss!.Value + result.Value, 3);
        // Epochs: mean L-BFGS iterations of the final fits, 0 for a fold where the discriminant won.
        Assert.True(training.Epochs >= 0);
        Assert.Matches(@"λ per fold .* = ([0-9.e+-]+|DLDA)(, ([0-9.e+-]+|DLDA)){4};", training.Model);
        Assert.Matches(@"temperature scale per fold = [0-9.]+(, [0-9.]+){4};", training.Model);

        var (h, y) = ProbeTestData.Linear(2000, 4, seed: 10);
        var regression = new ProbeEstimator().EstimateDetailed(h, y);
        Assert.Equal("cross-fit", regression.Interval!.Method);
        Assert.True(regression.Interval.StandardError > 0);
        Assert.Equal(2000, regression.Interval.RowInfluence!.Length);
        // Delta method terms of ½ln(Var/MSE) have mean zero by construction.
        Assert.Equal(0.0, regression.Interval.RowInfluence.Average(), 12);
        Assert.Equal(Math.Exp(-2 * regression.Value), regression.Training!.HeldOutLoss!.Value, 12);
    }

    [Fact]
    public void SingletonClasses_Excluded_ZeroInfluence()
    {
        var (x, classes) = ProbeTestData.ClassMixture(1000, 2, 2.0, seed: 11, noiseDims: 2);
        var probe = new ProbeEstimator();
        var baseline = probe.EstimateDetailed(x, classes);
        var extra = new double[(1000 + 2) * 3];
        x.Values.CopyTo(extra, 0);
        extra[3000] = 50;
        extra[3004] = -3;
        var extended = probe.EstimateDetailed(new FeatureMatrix("x", 1002, 3, extra), classes.Concat([7, 9]).ToArray());
        Assert.Equal(baseline.Value, extended.Value);
        Assert.Equal(0.0, extended.Interval!.RowInfluence![1000]);
        Assert.Equal(0.0, extended.Interval.RowInfluence[1001]);
        // Influence terms are rescaled by N/n so that Var(ψ)/N still estimates the variance of the mean over n rows.
        Assert.Equal(baseline.Interval!.RowInfluence![5] * 1002 / 1000, extended.Interval.RowInfluence[5], 12);
    }

    [Fact]
    public void ConstantLabelOrConstantH_GiveExactlyZero()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(200, 1.0, seed: 12);
        var probe = new ProbeEstimator();
        var constant = probe.EstimateDetailed(x, new int[200]);
        Assert.Equal(0.0, constant.Value);
        Assert.Equal(0.0, constant.Interval!.StandardError);
        Assert.NotEmpty(constant.Notes);
        // Two singleton classes beside one real class: still a constant label.
        var labels = new int[200];
        labels[3] = 1;
        labels[7] = 2;
        Assert.Equal(0.0, probe.Estimate(x, labels));
        var flat = new FeatureMatrix("c", 200, 2, Enumerable.Repeat(1.5, 400).ToArray());
        Assert.Equal(0.0, probe.Estimate(flat, classes));

        var (h, _) = ProbeTestData.Linear(200, 3, seed: 12);
        Assert.Equal(0.0, probe.Estimate(h, FeatureMatrix.FromColumn("y", Enumerable.Repeat(2.0, 200).ToArray())));
        Assert.Equal(0.0, probe.Estimate(flat, FeatureMatrix.FromColumn("y", h.Values.Take(200).ToArray())));
    }

    [Fact]
    public void SmallestInputs_GiveFiniteEstimatesAndIntervals()
    {
        // N = MinimumRows = 10: two rows per fold; a class of two rows; d larger than the training part.
        var (x, _) = ProbeTestData.ClassMixture(10, 2, 2.0, seed: 16, noiseDims: 11);
        int[][] labelings = [[0, 1, 0, 1, 0, 1, 0, 1, 0, 1], [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [0, 1, 2, 0, 1, 2, 0, 1, 2, 2]];
        foreach (var classes in labelings)
        {
            var result = new ProbeEstimator().EstimateDetailed(x, classes);
            Assert.True(double.IsFinite(result.Value));
            Assert.True(double.IsFinite(result.Interval!.StandardError) && result.Interval.StandardError > 0);
        }

        var (h, y) = ProbeTestData.Linear(10, 12, seed: 16);
        var regression = new ProbeEstimator().EstimateDetailed(h, y);
        Assert.True(double.IsFinite(regression.Value));
        Assert.True(double.IsFinite(regression.Interval!.StandardError));
    }

    [Fact]
    public void IterationCap_IsReportedInANote()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(1000, 1.0, seed: 13, noiseDims: 9);
        var result = new ProbeEstimator(maxIterations: 1).EstimateDetailed(x, classes);
        Assert.Contains(result.Notes, n => n.Contains("iteration cap", StringComparison.Ordinal));
        Assert.Equal(1.0, result.Training!.Epochs);
    }

    [Fact]
    public void BadSettings_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeEstimator(folds: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeEstimator(folds: 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeEstimator(maxIterations: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeEstimator(threads: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeEstimator(l2Grid: [1.0, -1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeEstimator(l2Grid: [double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeEstimator(l2Grid: [0.0]));
        Assert.Throws<ArgumentException>(() => new ProbeEstimator(l2Grid: []));
        Assert.Throws<ArgumentException>(() => new ProbeEstimator(l2Grid: [1.0, 10.0, 1.0]));
        var probe = new ProbeEstimator(l2Grid: [0.1, 100.0, 10.0]);
        Assert.Equal([100.0, 10.0, 0.1], probe.L2Grid);
        Assert.Equal(13, ProbeEstimator.DefaultL2Grid.Count);
        Assert.Equal(1e4, ProbeEstimator.DefaultL2Grid[0]);
        Assert.Equal(1e-2, ProbeEstimator.DefaultL2Grid[^1], 15);
        Assert.Equal(10, new ProbeEstimator().MinimumRows);
        Assert.Equal("probe", new ProbeEstimator().Name);
    }

    [Fact]
    public void BadInput_Throws_WithReasons()
    {
        var probe = new ProbeEstimator();
        var (x, classes) = EstimatorTestData.BinaryMixture(100, 1.0, seed: 14);
        Assert.Throws<ArgumentException>(() => probe.Estimate(x, classes.Take(99).ToArray()));
        var negative = (int[])classes.Clone();
        negative[4] = -1;
        Assert.Throws<ArgumentException>(() => probe.Estimate(x, negative));
        var nan = (double[])x.Values.Clone();
        nan[17] = double.NaN;
        Assert.Throws<ArgumentException>(() => probe.Estimate(new FeatureMatrix("x", 100, 1, nan), classes));

        var small = x.SelectRows(Enumerable.Range(0, 9).ToArray());
        var tooFew = Assert.Throws<ArgumentException>(() => probe.Estimate(small, classes.Take(9).ToArray()));
        Assert.Contains("two per fold", tooFew.Message, StringComparison.Ordinal);
        // 12 rows, but 4 are singleton classes: 8 remain.
        var sparse = new[] { 0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 4, 5 };
        var afterSingletons = Assert.Throws<ArgumentException>(() => probe.Estimate(x.SelectRows(Enumerable.Range(0, 12).ToArray()), sparse));
        Assert.Contains("single row", afterSingletons.Message, StringComparison.Ordinal);

        var (h, y) = ProbeTestData.Linear(100, 3, seed: 14);
        var twoColumns = new FeatureMatrix("y2", 100, 2, new double[200]);
        var multi = Assert.Throws<ArgumentException>(() => probe.Estimate(h, twoColumns));
        Assert.Contains("one-dimensional label only", multi.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => probe.Estimate(h, y.SelectRows(Enumerable.Range(0, 99).ToArray())));
        Assert.Throws<ArgumentException>(() => probe.Estimate(h.SelectRows(Enumerable.Range(0, 9).ToArray()), y.SelectRows(Enumerable.Range(0, 9).ToArray())));
    }

    [Fact]
    public void Cancellation_Throws()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(1000, 1.0, seed: 15, noiseDims: 3);
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new ProbeEstimator().EstimateDetailed(x, classes, source.Token));
        var (h, y) = ProbeTestData.Linear(1000, 3, seed: 15);
        Assert.ThrowsAny<OperationCanceledException>(() => new ProbeEstimator().EstimateDetailed(h, y, source.Token));
    }
}

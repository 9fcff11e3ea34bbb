using System.Diagnostics;
using Cch.Data;
using Cch.Estimators;

namespace Cch.Tests.Estimators;

/// <summary>
/// What every trained estimator (<c>infonce</c>, <c>smile</c>, <c>mine</c>, <c>latent</c>) must do, run once per
/// estimator by its sealed test class. Truths are closed forms: two pairs ρ = 0.8 among 5 + 5 unit
/// Gaussians, I = −ln(1 − ρ²) = 1.0217 nats (Cover &amp; Thomas eq. 8.56, two independent pairs); a balanced
/// label with X|Y ~ N(±e₁, I₅), I = 0.3368 nats (quadrature, <see cref="EstimatorTestData.BinaryMixtureMi"/>);
/// independent data, I = 0.
/// </summary>
/// <remarks>
/// <para>Small and fast on purpose (<see cref="Fast"/>: 32 hidden units, ≤ 30 epochs; N = 2,000), so the
/// whole set stays well under a minute on 2 cores. The tolerances come from a probe over data seeds 0–9
/// with the same options (estimator seed 0; mean ± SD of the estimates, quoted in each test class):
/// the lower limit is mean − 4·SD rounded down, as a share of the truth; the upper limit is the truth +
/// 4 standard errors of the estimate itself, since the bounds can exceed the truth only through
/// held-out noise (and the latent estimator's KSG has small bias either way).</para>
/// </remarks>
public abstract class TrainedEstimatorContract
{
    /// <summary>Test-sized settings: 2 × 32 ReLU, embedding 16, batch 128, ≤ 30 epochs, learning rate 3e-3.</summary>
    internal static readonly NeuralEstimatorOptions Fast = new() { HiddenUnits = 32, EmbeddingSize = 16, BatchSize = 128, MaxEpochs = 30, LearningRate = 3e-3 };

    /// <summary>−ln(1 − 0.8²): two independent pairs, each ½·ln(1/(1 − ρ²)).</summary>
    internal static readonly double PairsTruth = -Math.Log(1 - 0.8 * 0.8);

    /// <summary>I(X;Y) for X|Y ~ N(±1, 1) on the first coordinate, balanced Y.</summary>
    internal static readonly double LabelTruth = EstimatorTestData.BinaryMixtureMi(1.0);

    /// <summary>Makes the estimator under test.</summary>
    protected abstract IMutualInformationEstimator Create(NeuralEstimatorOptions options);

    /// <summary>Name the estimator reports.</summary>
    protected abstract string ExpectedName { get; }

    /// <summary>MinimumRows at the default 2 folds.</summary>
    protected virtual int ExpectedMinimumRows => 40; // 2 folds × (10 held-out + 10 training rows)

    /// <summary>Lowest accepted estimate on the two-pair task, as a share of the truth.</summary>
    protected abstract double PairsShare { get; }

    /// <summary>Lowest accepted estimate on the label task, as a share of the truth.</summary>
    protected abstract double LabelShare { get; }

    /// <summary>Largest accepted |estimate| on independent data.</summary>
    protected abstract double IndependentTolerance { get; }

    /// <summary>Whether the interval carries per-row terms (the bounds) or not (latent: half-sampling).</summary>
    protected abstract bool HasRowInfluence { get; }

    private ILabelMutualInformationEstimator CreateLabel(NeuralEstimatorOptions options) => (ILabelMutualInformationEstimator)Create(options);

    [Fact]
    public void Two_gaussian_pairs_stay_below_the_truth_and_reach_the_stated_share_with_an_interval_and_summary()
    {
        var (x, y) = EstimatorTestData.TwoPairs(2000, 5, 0.8, seed: 0);
        var estimate = Create(Fast).EstimateDetailed(x, y);

        AssertInterval(estimate, 2000);
        Assert.InRange(estimate.Value, PairsShare * PairsTruth, PairsTruth + 4 * estimate.Interval!.StandardError);
        var t = estimate.Training!;
        Assert.Equal((2000, 2, 2), (t.EvaluationRows, t.Repeats, t.RepeatValues.Count));
        Assert.InRange(t.FitRows, 700, 900); // half the rows train a fold, 20 % of those stop it: 800
        Assert.True(t.Epochs >= 1 && t.Seconds > 0 && t.HeldOutLoss is { } loss && double.IsFinite(loss), t.ToString());
        Assert.Equal(estimate.Value, (t.RepeatValues[0] + t.RepeatValues[1]) / 2, 12); // equal folds: the plain mean
    }

    [Fact]
    public void The_label_case_stays_below_the_truth_and_reaches_the_stated_share()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(2000, 1.0, seed: 0, noiseDims: 4);
        var estimate = CreateLabel(Fast).EstimateDetailed(x, classes);

        AssertInterval(estimate, 2000);
        Assert.InRange(estimate.Value, LabelShare * LabelTruth, LabelTruth + 4 * estimate.Interval!.StandardError);
    }

    [Fact]
    public void Independent_data_give_about_zero()
    {
        var (x, y) = EstimatorTestData.Independent(1000, 5, 5, seed: 0);
        var estimate = Create(Fast).EstimateDetailed(x, y);

        AssertInterval(estimate, 1000);
        Assert.InRange(estimate.Value, -IndependentTolerance, IndependentTolerance);
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_results_and_another_seed_does_not()
    {
        var (x, y) = EstimatorTestData.TwoPairs(400, 3, 0.8, seed: 3);
        var options = Fast with { MaxEpochs = 5 };

        var a = Create(options).EstimateDetailed(x, y);
        var b = Create(options).EstimateDetailed(x, y);
        var c = Create(options with { Seed = 1 }).EstimateDetailed(x, y);

        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Value), BitConverter.DoubleToInt64Bits(b.Value));
        Assert.Equal(a.Interval!.StandardError, b.Interval!.StandardError);
        Assert.Equal(a.Interval.RowInfluence ?? [], b.Interval.RowInfluence ?? []);
        Assert.Equal(a.Training!.RepeatValues, b.Training!.RepeatValues);
        Assert.NotEqual(a.Value, c.Value);
    }

    [Fact]
    public void Cancellation_is_honoured_before_and_during_training()
    {
        var (x, y) = EstimatorTestData.TwoPairs(2000, 5, 0.8, seed: 0);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Create(Fast).EstimateDetailed(x, y, cancelled.Token));

        // Without cancellation this would train for hours; it must stop within seconds of the request.
        using var later = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => Create(Fast with { MaxEpochs = 100_000, Patience = 100_000 }).EstimateDetailed(x, y, later.Token));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 20);
    }

    [Fact]
    public void Bad_settings_and_bad_input_throw_argument_exceptions_that_say_why()
    {
        Assert.Equal("Folds", Assert.Throws<ArgumentException>(() => Create(Fast with { Folds = 1 })).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentException>(() => Create(Fast with { LearningRate = double.NaN })).ParamName);

        var estimator = Create(Fast);
        var (x, y) = EstimatorTestData.TwoPairs(estimator.MinimumRows - 1, 2, 0.8, seed: 0);
        var tooFew = Assert.Throws<ArgumentException>(() => estimator.EstimateDetailed(x, y));
        Assert.Contains($"at least {estimator.MinimumRows} rows", tooFew.Message);
        Assert.Contains("fold", tooFew.Message);

        var (x2, y2) = EstimatorTestData.TwoPairs(100, 2, 0.8, seed: 0);
        Assert.Throws<ArgumentException>(() => estimator.EstimateDetailed(x2, y2.SelectRows(Enumerable.Range(0, 99).ToArray())));
        var nan = (double[])x2.Values.Clone();
        nan[7] = double.NaN;
        Assert.Throws<ArgumentException>(() => estimator.EstimateDetailed(new FeatureMatrix("x", 100, 2, nan), y2));
        var classes = Enumerable.Range(0, 100).Select(i => i % 2).ToArray();
        classes[5] = -1;
        Assert.Throws<ArgumentException>(() => CreateLabel(Fast).EstimateDetailed(x2, classes));
    }

    [Fact]
    public void A_constant_side_or_a_single_class_gives_exactly_zero_without_training()
    {
        var (x, _) = EstimatorTestData.TwoPairs(100, 2, 0.8, seed: 0);
        var constant = new FeatureMatrix("c", 100, 3, Enumerable.Repeat(2.5, 300).ToArray());

        var a = Create(Fast).EstimateDetailed(x, constant);
        var b = CreateLabel(Fast).EstimateDetailed(x, new int[100]);

        Assert.All(new[] { a, b }, e =>
        {
            Assert.Equal(0.0, e.Value);
            Assert.Null(e.Training);
            Assert.Equal(0.0, e.Interval!.StandardError);
            Assert.Single(e.Notes);
        });
    }

    [Fact]
    public void Reports_its_name_and_its_own_intervals()
    {
        var e = Create(Fast);
        Assert.Equal(ExpectedName, e.Name);
        Assert.Equal(IntervalStrategy.Own, e.IntervalStrategy);
        Assert.Equal(ExpectedName, CreateLabel(Fast).Name);
        Assert.Equal(ExpectedMinimumRows, e.MinimumRows);
    }

    private void AssertInterval(MutualInformationEstimate estimate, int rows)
    {
        var interval = estimate.Interval!;
        Assert.True(interval.StandardError > 0 && double.IsFinite(interval.StandardError), interval.ToString());
        Assert.True(interval.ExtraVariance >= 0);
        if (HasRowInfluence)
        {
            Assert.Equal("held-out+folds", interval.Method);
            Assert.Equal(rows, interval.RowInfluence!.Length);
            Assert.Equal(0.0, interval.RowInfluence.Average(), 1e-9); // centred
        }
        else
        {
            Assert.Equal("held-out half-sampling+folds", interval.Method);
            Assert.Null(interval.RowInfluence);
        }
    }
}

using Cch.Data;
using Cch.Estimators;
using Xunit.Abstractions;

namespace Cch.Tests.Estimators;

/// <summary>
/// Coverage of the probe's cross-fit interval (estimate ± 1.96·SE) over independent datasets, run only
/// with <c>CCH_SLOW_TESTS=1</c> (about a minute on 2 cores):
/// <c>CCH_SLOW_TESTS=1 dotnet test tests/Cch.Core.Tests -c Release --filter FullyQualifiedName~ProbeCoverage --logger "console;verbosity=detailed"</c>.
/// Prints, per case, the truth, the mean and SD of the estimates, the root-mean-square SE, and how
/// often the interval covers (a) the mean of the estimates and (b) the truth. Results are recorded in
/// docs/estimators.md. The assertions are loose sanity bounds (a nominal 95 % interval should cover the
/// mean of the estimates in roughly 88–100 % of 400 datasets); the printed figures are the point.
/// </summary>
public sealed class ProbeCoverageTests(ITestOutputHelper output)
{
    private const int Datasets = 400;
    private const int Rows = 2000;

    [SlowFact]
    public void TwoClassMixture_D20_N2000()
    {
        // Labels drawn independently (Bernoulli ½), so that H(Y) varies between datasets as in sampling.
        var (coverMean, _) = Measure("two-class mixture, μ = 1, d = 20", 0.3368, seed =>
        {
            var rng = new Random(1000 + seed);
            var g = EstimatorTestData.StandardNormal(rng, Rows * 20);
            var classes = new int[Rows];
            for (var i = 0; i < Rows; i++)
            {
                classes[i] = rng.Next(2);
                g[i * 20] += classes[i] == 0 ? -1 : 1;
            }

            return new ProbeEstimator(seed: seed).EstimateDetailed(new FeatureMatrix("x", Rows, 20, g), classes);
        });
        Assert.InRange(coverMean, 0.88, 1.0);
    }

    [SlowFact]
    public void LinearGaussianRegression_D20_N2000()
    {
        var (coverMean, _) = Measure("regression, Y = H₀ + 0.5·H₁ + ε, d = 20", 0.5 * Math.Log(2.25), seed =>
        {
            var (x, y) = ProbeTestData.Linear(Rows, 20, 5000 + seed);
            return new ProbeEstimator(seed: seed).EstimateDetailed(x, y);
        });
        Assert.InRange(coverMean, 0.88, 1.0);
    }

    [SlowFact]
    public void TrainingRandomness_FixedData_100Seeds()
    {
        // One dataset, 100 fold seeds: the seed-to-seed SD is the training randomness alone; compare it
        // with the between-fold term √extra (which estimates the fold-model part of it) and with the SE.
        var rng = new Random(77);
        var g = EstimatorTestData.StandardNormal(rng, Rows * 20);
        var classes = new int[Rows];
        for (var i = 0; i < Rows; i++)
        {
            classes[i] = rng.Next(2);
            g[i * 20] += classes[i] == 0 ? -1 : 1;
        }

        var x = new FeatureMatrix("x", Rows, 20, g);
        var results = Enumerable.Range(0, 100).Select(s => new ProbeEstimator(seed: s).EstimateDetailed(x, classes)).ToArray();
        var mean = results.Average(r => r.Value);
        var sd = Math.Sqrt(results.Sum(r => (r.Value - mean) * (r.Value - mean)) / 99);
        var extra = Math.Sqrt(results.Average(r => r.Interval!.ExtraVariance));
        var se = Math.Sqrt(results.Average(r => r.Interval!.StandardError * r.Interval.StandardError));
        output.WriteLine(FormattableString.Invariant(
            $"fixed two-class dataset (d = 20, N = {Rows}), 100 fold seeds: mean {mean:F4}, seed-to-seed SD {sd:F4}, RMS √extra {extra:F4}, RMS SE {se:F4}"));
        Assert.True(sd < se);
    }

    private (double CoverMean, double CoverTruth) Measure(string name, double truth, Func<int, MutualInformationEstimate> run)
    {
        var values = new double[Datasets];
        var errors = new double[Datasets];
        var extra = new double[Datasets];
        for (var s = 0; s < Datasets; s++)
        {
            var r = run(s);
            values[s] = r.Value;
            errors[s] = r.Interval!.StandardError;
            extra[s] = r.Interval.ExtraVariance;
        }

        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (Datasets - 1));
        var rmsSe = Math.Sqrt(errors.Average(e => e * e));
        var coverMean = Enumerable.Range(0, Datasets).Count(i => Math.Abs(values[i] - mean) <= 1.96 * errors[i]) / (double)Datasets;
        var coverTruth = Enumerable.Range(0, Datasets).Count(i => Math.Abs(values[i] - truth) <= 1.96 * errors[i]) / (double)Datasets;
        // The same without the between-fold term, to show what it adds.
        var coverMeanRowsOnly = Enumerable.Range(0, Datasets).Count(i => Math.Abs(values[i] - mean) <= 1.96 * Math.Sqrt(errors[i] * errors[i] - extra[i])) / (double)Datasets;
        output.WriteLine(FormattableString.Invariant(
            $"{name}, N = {Rows}, {Datasets} datasets: truth {truth:F4}, mean {mean:F4} (bias {mean - truth:+0.0000;-0.0000}), SD {sd:F4}, RMS SE {rmsSe:F4}, RMS √extra {Math.Sqrt(extra.Average()):F4} (> 0 in {extra.Count(e => e > 0)}); covers the mean {coverMean:P1} (row terms only: {coverMeanRowsOnly:P1}), the truth {coverTruth:P1}"));
        return (coverMean, coverTruth);
    }
}

using Cch.Criterion;
using Cch.Data;
using Cch.Estimators;

namespace Cch.Tests.Criterion;

public sealed class NearestNeighbourSubsetsTests
{
    [Theory]
    [InlineData(20_001, 2_500, 8)]
    [InlineData(80_000, 10_000, 8)]
    [InlineData(1_000_000, 10_000, 100)]
    public void Subsets_are_disjoint_equal_and_at_least_eight(int rows, int size, int count)
    {
        var subsets = NearestNeighbourSubsets.Draw(rows, seed: 3);

        Assert.Equal(count, subsets.Length);
        Assert.All(subsets, s => Assert.Equal(size, s.Length));
        Assert.Equal(size * count, subsets.SelectMany(s => s).Distinct().Count());
        Assert.All(subsets, s => Assert.Equal(s.Order(), s));
        Assert.Equal(subsets, NearestNeighbourSubsets.Draw(rows, seed: 3));
    }

    [Fact]
    public void At_or_below_the_threshold_nothing_changes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestNeighbourSubsets.Draw(NearestNeighbourSubsets.Threshold, 0));
        Assert.Equal(NearestNeighbourSubsets.Threshold, NearestNeighbourSubsets.RowsPerEstimate(KsgTerm(Gaussian(100, 0.5, 0)), NearestNeighbourSubsets.Threshold));
    }

    private static TermEstimator KsgTerm((FeatureMatrix X, FeatureMatrix Y) data) =>
        EstimatorSelection.Create(new CriterionOptions { Estimator = EstimatorFamily.Ksg }).Pair(data.X, data.Y);

    /// <summary>N draws of a bivariate Gaussian with correlation ρ: I = −½ ln(1 − ρ²) nats.</summary>
    private static (FeatureMatrix X, FeatureMatrix Y) Gaussian(int n, double rho, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var a = Normal(random);
            x[i] = a;
            y[i] = rho * a + Math.Sqrt(1 - rho * rho) * Normal(random);
        }

        return (FeatureMatrix.FromColumn("x", x), FeatureMatrix.FromColumn("y", y));
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void A_ksg_term_on_many_rows_is_the_mean_over_subsets_with_an_interval_that_covers_the_truth()
    {
        // ρ = 0.8: I = −½ ln 0.36 = 0.5108 nats; KSG on 1 + 1 dimensions is nearly unbiased at 2,500 rows.
        var truth = -0.5 * Math.Log(1 - 0.64);
        var data = Gaussian(24_000, 0.8, seed: 1);
        var term = KsgTerm(data);
        var options = new CriterionOptions { Estimator = EstimatorFamily.Ksg, Seed = 4 };

        var outcome = MutualInformationRunner.Run(term, 24_000, options);

        Assert.True(term.NearestNeighbour);
        Assert.Equal(IntervalMethods.DisjointSubsets, outcome.Result.IntervalMethod);
        Assert.Equal(8, outcome.Replicates!.Length);
        var subsets = NearestNeighbourSubsets.Draw(24_000, 4);
        var values = subsets.Select(s => term.Estimate(s).Value).ToArray();
        Assert.Equal(values.Average(), outcome.Result.Value.Estimate, 12);
        // The replicates' spread is the standard error of the mean: sd/√m.
        var sd = Math.Sqrt(values.Sum(v => (v - values.Average()) * (v - values.Average())) / 7);
        Assert.Equal(sd / Math.Sqrt(8), outcome.Result.StandardError, 12);
        Assert.InRange(truth, outcome.Result.Value.CiLow, outcome.Result.Value.CiHigh);
        Assert.Contains(outcome.Result.Notes, n => n.Contains("8 disjoint subsets of 3,000 rows"));
    }

    [Fact]
    public void The_criterion_runs_ksg_terms_on_subsets_above_the_threshold_and_covers_the_known_delta()
    {
        // Teacher t, student s = 0.8·t + 0.6·u (1 + 1 dimensions), label Y = [s > 0]: I(t;s) = −½ ln 0.36 = 0.5108 nats,
        // I(s;Y) = H(Y) = ln 2 (Y is a function of s), Δ = −0.1823 nats.
        var (t, s) = Gaussian(24_000, 0.8, seed: 9);
        var label = LabelVector.ForClasses("y", s.Values.Select(v => v > 0 ? 1 : 0).ToArray(), ["neg", "pos"]);
        var data = new Dataset
        {
            Teachers = [t],
            Student = s,
            Label = label,
            Inputs = [],
            Join = new JoinSummary(null, JoinMode.RowOrder, 24_000, 0, 0),
        };
        var options = new CriterionOptions { Estimator = EstimatorFamily.Ksg, Seed = 2, SelfCheck = false };

        var result = CchCriterion.Evaluate(data, options);

        var teacher = Assert.Single(result.Teachers);
        Assert.Equal(IntervalMethods.DisjointSubsets, teacher.TeacherStudent.IntervalMethod);
        Assert.Equal(IntervalMethods.DisjointSubsets, teacher.StudentLabel.IntervalMethod);
        var alone = MutualInformationRunner.Run(EstimatorSelection.Create(options).Pair(t, s), 24_000, options);
        Assert.Equal(alone.Result.Value.Estimate, teacher.TeacherStudent.Value.Estimate, 12);
        Assert.InRange(-0.5 * Math.Log(0.36) - Math.Log(2), teacher.Delta.CiLow, teacher.Delta.CiHigh);
    }
}

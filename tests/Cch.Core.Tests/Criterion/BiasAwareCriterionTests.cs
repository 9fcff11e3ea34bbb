using Cch.Criterion;
using Cch.Data;
using Cch.Synthetic;

namespace Cch.Tests.Criterion;

/// <summary>
/// The criterion with bias-aware intervals and the robust verdict on data whose Δ is known exactly
/// (<see cref="CalibrationTasks.Design"/>: linear-Gaussian teacher, student and label; Δ from the closed
/// forms of Cover &amp; Thomas eq. 8.56 and ½ ln(1 + |a|²)).
/// </summary>
public sealed class BiasAwareCriterionTests
{
    // A 200-d teacher, a 100-d student and a binary (probit) label, true Δ = 2.00 − 0.46 = +1.54 nats: KSG
    // collapses at 300 dimensions far more than the mixed k-NN label term at 100, so Δ̂ comes out negative.
    private static readonly CalibrationTask HighDimensional = CalibrationTasks.Design(LabelKind.Classification, 200, 100, 4, 1000, 2.0, 0.46);

    [Fact]
    public void A_collapsed_estimator_no_longer_gives_a_confident_wrong_fail()
    {
        var data = HighDimensional.Sample(3).ToDataset();
        var sampling = CchCriterion.Evaluate(data, new CriterionOptions { Estimator = EstimatorFamily.Ksg, Seed = 3, SelfCheck = false }).Best;
        var robust = CchCriterion.Evaluate(data, new CriterionOptions { Estimator = EstimatorFamily.Ksg, Seed = 3 }).Best;

        // The setting really is the failure the bias-aware interval is for: without the self-check KSG says
        // fail although Δ = +1.54.
        Assert.True(HighDimensional.Delta > 1.5);
        Assert.Equal(Verdict.Fail, sampling.Verdict);
        Assert.Equal(Verdict.Inconclusive, robust.Verdict);
        Assert.Equal(VerdictReason.EstimatorUnreliableHere, robust.Reason);
        Assert.True(robust.TeacherStudent.Surrogate!.Unreliable);
        Assert.True(robust.Delta.CiHigh > sampling.Delta.CiHigh);
    }

    [Fact]
    public void The_default_estimators_interval_covers_the_true_delta_and_passes()
    {
        var data = HighDimensional.Sample(4).ToDataset();
        var best = CchCriterion.Evaluate(data, new CriterionOptions { Seed = 4 }).Best;

        Assert.InRange(HighDimensional.Delta, best.Delta.CiLow, best.Delta.CiHigh);
        Assert.Equal(Verdict.Pass, best.Verdict);
        Assert.Null(best.Reason);
        // The bias-aware interval contains the sampling one.
        Assert.True(best.Delta.CiLow <= best.SamplingDelta!.CiLow && best.Delta.CiHigh >= best.SamplingDelta.CiHigh);
    }

    [Fact]
    public void Without_the_self_check_the_interval_is_the_sampling_one()
    {
        var data = CalibrationTasks.Design(LabelKind.Regression, 5, 5, 2, 500, 0.8, 0.3).Sample(1).ToDataset();
        var best = CchCriterion.Evaluate(data, new CriterionOptions { Seed = 1, SelfCheck = false }).Best;
        Assert.Equal(best.SamplingDelta, best.Delta);
        Assert.Equal(0, best.DeltaBiasBound);
        Assert.Null(best.TeacherStudent.BiasBound);
    }

    [Fact]
    public void At_low_dimension_every_valid_estimator_pair_gets_its_delta()
    {
        // 5 + 5 dimensions: auto combines k-NN on ranks, the copula and CCA + k-NN for both terms.
        var task = CalibrationTasks.Design(LabelKind.Regression, 5, 5, 2, 2000, 1.0, 0.3);
        var best = CchCriterion.Evaluate(task.Sample(2).ToDataset(), new CriterionOptions { Seed = 2 }).Best;

        Assert.NotEmpty(best.EstimatorDeltas);
        var ts = best.TeacherStudent.Components.ToDictionary(c => c.Estimator, c => c.Value);
        var sy = best.StudentLabel.Components.ToDictionary(c => c.Estimator, c => c.Value);
        foreach (var d in best.EstimatorDeltas)
            Assert.Equal(ts[d.TeacherStudent] - sy[d.StudentLabel], d.Delta, 12);
        // True Δ = 0.7 nats at N = 2,000: every valid pair sees it positive, so the pass stands.
        Assert.Equal(Verdict.Pass, best.Verdict);
        Assert.All(best.EstimatorDeltas, d => Assert.True(d.Delta > 0));
    }
}

/// <summary>Order and extreme-level robustness of the criterion with the self-check.</summary>
public sealed class CriterionInvarianceTests
{
    [Fact]
    public void A_teachers_interval_and_verdict_do_not_depend_on_its_position()
    {
        // Each teacher's surrogate is seeded from its name, not its place among the --teacher options.
        var example = Cch.Examples.GaussianExample.Create(1000, seed: 3);
        var swapped = example.Data with { Teachers = [example.Data.Teachers[1], example.Data.Teachers[0]] };
        var a = CchCriterion.Evaluate(example.Data, new CriterionOptions { Seed = 3 });
        var b = CchCriterion.Evaluate(swapped, new CriterionOptions { Seed = 3 });
        foreach (var t in a.Teachers)
        {
            var u = b.Teachers.Single(x => x.Name == t.Name);
            Assert.Equal(t.Delta, u.Delta);
            Assert.Equal(t.TeacherStudent.Value, u.TeacherStudent.Value);
            Assert.Equal((t.Verdict, t.Reason), (u.Verdict, u.Reason));
        }
    }

    [Fact]
    public void Two_half_samples_at_an_extreme_level_give_an_interval_not_a_crash()
    {
        // ν = 1 at p = 0.99995: MathNet's t quantile does not converge there; the Cauchy closed form does.
        var example = Cch.Examples.GaussianExample.Create(500, seed: 1);
        var result = CchCriterion.Evaluate(example.Data, new CriterionOptions { Replicates = 2, ConfidenceLevel = 0.9999, Seed = 1 });
        Assert.All(result.Teachers, t => Assert.True(double.IsFinite(t.Delta.CiLow) && double.IsFinite(t.Delta.CiHigh)));
    }

    [Theory]
    [InlineData(1.0, 0.99995)]
    [InlineData(1.0, 0.3)]
    [InlineData(2.0, 0.975)]
    [InlineData(2.0, 0.001)]
    public void Student_t_quantiles_have_their_closed_forms(double nu, double p)
    {
        // Cauchy: tan(π(p − ½)); ν = 2: (2p − 1)/√(2p(1 − p)). Checked through the CDF as well.
        var q = Cch.Internal.StudentTQuantile.Of(nu, p);
        var expected = nu == 1 ? Math.Tan(Math.PI * (p - 0.5)) : (2 * p - 1) / Math.Sqrt(2 * p * (1 - p));
        Assert.Equal(expected, q, 9);
        Assert.Equal(p, MathNet.Numerics.Distributions.StudentT.CDF(0, 1, nu, q), 9);
    }
}

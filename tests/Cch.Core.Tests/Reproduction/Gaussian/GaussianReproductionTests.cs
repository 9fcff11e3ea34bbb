using Cch.Criterion;
using Cch.Reports;
using Cch.Reproduction;
using Cch.Reproduction.Gaussian;

namespace Cch.Tests.Reproduction.Gaussian;

public sealed class GaussianReproductionTests
{
    private static readonly ReproductionReport Report = GaussianReproduction.Run(
        new GaussianSweep([3000], CouplingModel.Default, [0.0, 0.95], GaussianSweep.PaperLambdas, Seeds: 4),
        new ReproductionOptions { Seed = 1 },
        progress: null,
        CancellationToken.None);

    [Fact]
    public void Far_from_the_boundary_the_verdicts_follow_the_closed_form()
    {
        // Exact Δ: −½ ln 2 ≈ −0.347 at ρ = 0 and −2 ln(1 − 0.9025) + … ≈ 4.31 at ρ = 0.95, many interval widths from 0.
        var points = Report.Series.Single().Points;

        Assert.Equal([0.0, 0.95], points.Select(p => p.Parameter));
        Assert.Equal(-0.5 * Math.Log(2), points[0].ClosedForm!.Delta, 12);
        Assert.Equal(Verdict.Fail, points[0].Verdict);
        Assert.Equal(Verdict.Pass, points[1].Verdict);
        Assert.All(points, p => Assert.True(p.Delta.CiLow <= p.Delta.Estimate && p.Delta.Estimate <= p.Delta.CiHigh));
    }

    [Fact]
    public void Every_point_carries_a_paired_kd_effect_with_the_chosen_lambda()
    {
        foreach (var p in Report.Series.Single().Points)
        {
            Assert.Equal(4, p.Seeds);
            Assert.NotNull(p.KdEffect);
            Assert.True(p.KdEffect!.CiLow <= p.KdEffect.Estimate && p.KdEffect.Estimate <= p.KdEffect.CiHigh);
            Assert.Contains(p.Measures!["λ chosen"], GaussianSweep.PaperLambdas);
            // Effect = MSE(no KD) − MSE(KD), both arms' means reported beside it.
            Assert.Equal(p.Measures["student mse, no KD"] - p.Measures["student mse, KD"], p.KdEffect.Estimate, 12);
        }
    }

    [Fact]
    public void The_exact_boundary_is_found_between_the_two_points()
    {
        var boundary = Report.Series.Single().Boundary;

        Assert.NotNull(boundary.ClosedForm);
        Assert.InRange(boundary.ClosedForm!.Value, 0.0, 0.95);
        Assert.Equal(0.0, boundary.Fail!.Min);
        Assert.Equal(0.95, boundary.Pass!.Max);
    }

    [Fact]
    public void The_report_round_trips_through_json()
    {
        var back = ReportWriter.ReproductionFromJson(ReportWriter.ToJson(Report));

        Assert.Equal(Report.Experiment, back.Experiment);
        Assert.Equal(Report.Series[0].Points[1].Delta, back.Series[0].Points[1].Delta);
        Assert.Equal(Report.Series[0].Points[0].ClosedForm, back.Series[0].Points[0].ClosedForm);
        Assert.Equal(Report.Series[0].Boundary.Pass, back.Series[0].Boundary.Pass);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        var again = GaussianReproduction.Run(
            new GaussianSweep([3000], CouplingModel.Default, [0.0, 0.95], GaussianSweep.PaperLambdas, Seeds: 4),
            new ReproductionOptions { Seed = 1 },
            progress: null,
            CancellationToken.None);

        Assert.Equal(ReportWriter.ToJson(Report with { ElapsedSeconds = 0 }), ReportWriter.ToJson(again with { ElapsedSeconds = 0 }));
    }
}

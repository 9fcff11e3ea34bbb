using Cch.Criterion;
using Cch.Distillation;
using Cch.Reproduction;

namespace Cch.Tests.Reproduction;

public sealed class ReproductionBoundaryTests
{
    [Fact]
    public void A_single_sign_change_is_interpolated_linearly()
    {
        // Δ goes −0.2 → +0.6 between 1 and 2: zero at 1 + 0.2/0.8 = 1.25.
        var points = new[] { Point(0, -0.5), Point(1, -0.2), Point(2, 0.6) };

        Assert.Equal(1.25, ReproductionBoundary.Of(points).Estimated!.Value, 12);
    }

    [Fact]
    public void Several_sign_changes_give_no_single_boundary()
    {
        var points = new[] { Point(0, -0.1), Point(1, 0.1), Point(2, -0.1), Point(3, 0.5) };

        Assert.Null(ReproductionBoundary.Of(points).Estimated);
    }

    [Fact]
    public void One_sign_throughout_gives_no_boundary_and_a_point_at_zero_is_the_boundary()
    {
        Assert.Null(ReproductionBoundary.Of([Point(0, 0.1), Point(1, 0.3)]).Estimated);
        Assert.Equal(1.0, ReproductionBoundary.Of([Point(0, -0.1), Point(1, 0), Point(2, 0.3)]).Estimated);
    }

    [Fact]
    public void Decided_ranges_collect_the_points_of_each_kind()
    {
        var points = new[]
        {
            Point(0, -1, Verdict.Fail, KdOutcome.KdHurts),
            Point(1, 0, Verdict.Inconclusive, KdOutcome.KdHurts),
            Point(2, 1, Verdict.Pass, KdOutcome.Undetermined),
            Point(3, 2, Verdict.Pass, KdOutcome.KdHelps),
        };

        var b = ReproductionBoundary.Of(points);

        Assert.Equal(new ParameterRange(2, 3, 2), b.Pass);
        Assert.Equal(new ParameterRange(0, 0, 1), b.Fail);
        Assert.Equal(new ParameterRange(0, 1, 2), b.KdHurts);
        Assert.Equal(new ParameterRange(3, 3, 1), b.KdHelps);
        Assert.Null(b.ClosedForm);
    }

    private static ReproductionPoint Point(double parameter, double delta, Verdict verdict = Verdict.Inconclusive, KdOutcome? outcome = null) => new()
    {
        Parameter = parameter,
        TeacherStudent = new IntervalEstimate(1, 0.9, 1.1),
        StudentLabel = new IntervalEstimate(1 - delta, 0.9 - delta, 1.1 - delta),
        Delta = new IntervalEstimate(delta, delta - 0.1, delta + 0.1),
        Verdict = verdict,
        Outcome = outcome,
        KdEffect = outcome is null ? null : new IntervalEstimate(delta, delta - 0.1, delta + 0.1),
    };
}

using Cch.Estimators.Neural;

namespace Cch.Tests.Estimators.Neural;

/// <summary>Truth: the plan's stated properties, counted: every row held out once, training = the complement, sizes and class counts within one.</summary>
public sealed class FoldPlanTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_row_is_held_out_once_and_trains_the_other_folds(int folds)
    {
        var classes = Enumerable.Range(0, 101).Select(i => i < 70 ? 0 : i < 95 ? 1 : 2).ToArray();
        var plan = FoldPlan.Create(101, folds, classes, seed: 3);

        Assert.Equal(Enumerable.Range(0, 101), plan.HeldOut.SelectMany(f => f).Order());
        for (var f = 0; f < folds; f++)
        {
            Assert.Equal(Enumerable.Range(0, 101).Except(plan.HeldOut[f]), plan.Training[f]);
            Assert.Equal(plan.HeldOut[f].Order(), plan.HeldOut[f]);
        }

        var sizes = plan.HeldOut.Select(f => f.Length).ToArray();
        Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
        for (var c = 0; c < 3; c++)
        {
            var perFold = plan.HeldOut.Select(f => f.Count(r => classes[r] == c)).ToArray();
            Assert.InRange(perFold.Max() - perFold.Min(), 0, 1);
        }
    }

    [Fact]
    public void The_seed_decides_the_deal()
    {
        Assert.Equal(FoldPlan.Create(50, 2, null, 1).HeldOut[0], FoldPlan.Create(50, 2, null, 1).HeldOut[0]);
        Assert.NotEqual(FoldPlan.Create(50, 2, null, 1).HeldOut[0], FoldPlan.Create(50, 2, null, 2).HeldOut[0]);
    }
}

using Cch.Neural;

namespace Cch.Tests.Neural;

/// <summary>Truth: the split's stated rule (round(fraction·n_c) per class, at least one fit row per class) counted by hand.</summary>
public sealed class ValidationSplitTests
{
    [Fact]
    public void Classification_is_stratified_and_keeps_every_class_in_the_fit_rows()
    {
        int[] classes = [.. Enumerable.Repeat(0, 10), .. Enumerable.Repeat(1, 5), 2];

        var (fit, validation) = ValidationSplit.Draw(classes.Length, classes, 0.2, seed: 3);

        // round(0.2·10) = 2, round(0.2·5) = 1, round(0.2·1) = 0.
        Assert.Equal(2, validation.Count(i => classes[i] == 0));
        Assert.Equal(1, validation.Count(i => classes[i] == 1));
        Assert.Equal(0, validation.Count(i => classes[i] == 2));
        Assert.Equal(Enumerable.Range(0, classes.Length), fit.Concat(validation).Order());
        Assert.True(fit.SequenceEqual(fit.Order()) && validation.SequenceEqual(validation.Order()));
    }

    [Fact]
    public void Regression_holds_out_the_rounded_share_and_the_seed_decides_which_rows()
    {
        var a = ValidationSplit.Draw(10, null, 0.2, seed: 1);
        var b = ValidationSplit.Draw(10, null, 0.2, seed: 1);
        var c = ValidationSplit.Draw(10, null, 0.2, seed: 2);

        Assert.Equal(2, a.Validation.Length);
        Assert.Equal(8, a.Fit.Length);
        Assert.Equal(a.Validation, b.Validation);
        Assert.NotEqual(a.Validation, c.Validation);
    }

    [Fact]
    public void A_tiny_fraction_still_holds_out_one_row()
    {
        var (fit, validation) = ValidationSplit.Draw(10, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 0.01, seed: 0);

        Assert.Single(validation);
        Assert.Equal(9, fit.Length);
    }
}

using Cch.Data;
using Cch.Reproduction.Mnist;

namespace Cch.Tests.Reproduction.Mnist;

/// <summary>
/// Truths from the generator's documented rule: output = |background − digit| per channel with the
/// background in [0, 1], so a blank digit (d = 0) shows the background and a full digit (d = 1) its
/// complement, and the two add up to 1 at every pixel; each row depends only on (seed, row index).
/// </summary>
public sealed class MnistMViewTests
{
    private static FeatureMatrix Digits(int rows, Func<int, int, double> value)
    {
        var v = new double[rows * 784];
        for (var r = 0; r < rows; r++)
            for (var p = 0; p < 784; p++)
                v[r * 784 + p] = value(r, p);
        return new FeatureMatrix("digits", rows, 784, v);
    }

    private static FeatureMatrix Strokes(int rows) => Digits(rows, (r, p) => (p % 28 + r) % 7 == 0 ? 1.0 : (p / 28 == 14 ? 0.5 : 0.0));

    [Fact]
    public void Has_three_channels_per_pixel_and_values_in_the_unit_interval()
    {
        var view = MnistMView.Generate(Strokes(12), 28, 28, seed: 3);

        Assert.Equal(12, view.Rows);
        Assert.Equal(3 * 784, view.Columns);
        Assert.Equal(3, MnistMView.Channels);
        Assert.All(view.Values, v => Assert.InRange(v, 0.0, 1.0));
    }

    [Fact]
    public void Is_deterministic_per_seed_and_changes_with_the_seed()
    {
        var digits = Strokes(6);

        var a = MnistMView.Generate(digits, 28, 28, seed: 11);
        var b = MnistMView.Generate(digits, 28, 28, seed: 11);
        var c = MnistMView.Generate(digits, 28, 28, seed: 12);

        Assert.Equal(a.Values, b.Values);
        Assert.NotEqual(a.Values, c.Values);
    }

    [Fact]
    public void A_row_depends_only_on_the_seed_and_its_index_not_on_other_rows()
    {
        var many = MnistMView.Generate(Strokes(40), 28, 28, seed: 5);
        var few = MnistMView.Generate(Strokes(3), 28, 28, seed: 5);

        Assert.Equal(few.Values, many.Values.AsSpan(0, few.Values.Length).ToArray());
    }

    [Fact]
    public void Blank_and_full_digits_give_the_background_and_its_complement()
    {
        var blank = MnistMView.Generate(Digits(4, (_, _) => 0), 28, 28, seed: 9);
        var full = MnistMView.Generate(Digits(4, (_, _) => 1), 28, 28, seed: 9);

        for (var i = 0; i < blank.Values.Length; i++)
            Assert.Equal(1.0, blank.Values[i] + full.Values[i], 12);
    }

    [Fact]
    public void Backgrounds_are_textured_within_an_image_and_differ_between_images()
    {
        var background = MnistMView.Generate(Digits(20, (_, _) => 0), 28, 28, seed: 1);

        for (var r = 0; r < background.Rows; r++)
        {
            var red = background.Row(r)[..784].ToArray();
            Assert.True(red.Max() - red.Min() > 0.02, $"row {r}: the red plane is flat ({red.Min()}–{red.Max()})");
        }

        var means = Enumerable.Range(0, background.Rows).Select(r => background.Row(r)[..784].ToArray().Average()).ToArray();
        Assert.True(means.Max() - means.Min() > 0.2, "the base colour varies between images");
    }

    [Fact]
    public void Digit_intensities_outside_the_unit_interval_are_clamped()
    {
        var inside = MnistMView.Generate(Digits(2, (_, p) => p % 2), 28, 28, seed: 4);
        var outside = MnistMView.Generate(Digits(2, (_, p) => p % 2 == 1 ? 7.0 : -3.0), 28, 28, seed: 4);

        Assert.Equal(inside.Values, outside.Values);
    }

    [Fact]
    public void A_shape_that_does_not_match_the_columns_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => MnistMView.Generate(Strokes(2), 28, 27, seed: 0));
        Assert.Contains("756", e.Message);
    }
}

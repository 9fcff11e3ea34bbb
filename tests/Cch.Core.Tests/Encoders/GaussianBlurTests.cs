using Cch.Data;
using Cch.Encoders;

namespace Cch.Tests.Encoders;

public sealed class GaussianBlurTests
{
    [Fact]
    public void The_kernel_is_the_normalised_sampled_gaussian_of_radius_three_sigma()
    {
        // Truth by hand for σ = 1: weights exp(−i²/2), i = −3..3, divided by their sum 2.50595.
        var k = GaussianBlur.Kernel(1);

        Assert.Equal(7, k.Length);
        Assert.Equal(1.0, k.Sum(), 12);
        Assert.Equal(1 / (1 + 2 * Math.Exp(-0.5) + 2 * Math.Exp(-2) + 2 * Math.Exp(-4.5)), k[3], 12);
        Assert.Equal(k[2], k[4], 15);
        Assert.Equal(13, GaussianBlur.Kernel(2).Length);
        Assert.Equal([1.0], GaussianBlur.Kernel(0));
    }

    [Fact]
    public void An_impulse_spreads_into_the_outer_product_of_the_kernel()
    {
        // Truth: blurring is separable, so a unit impulse at the centre of a 9×9 image becomes
        // k(dy)·k(dx) around it (the image is wide enough that no clamping reaches the kernel).
        var image = new double[81];
        image[4 * 9 + 4] = 1;
        var k = GaussianBlur.Kernel(1);

        var blurred = GaussianBlur.Apply(new FeatureMatrix("img", 1, 81, image), new ImageBlur(1, 9, 9));

        Assert.Equal(k[3] * k[3], blurred[0, 4 * 9 + 4], 12);
        Assert.Equal(k[4] * k[3], blurred[0, 5 * 9 + 4], 12);
        Assert.Equal(k[5] * k[6], blurred[0, 6 * 9 + 7], 12);
        Assert.Equal(1.0, Enumerable.Range(0, 81).Sum(i => blurred[0, i]), 12);
    }

    [Fact]
    public void A_constant_image_stays_constant_and_sigma_zero_changes_nothing()
    {
        var constant = new FeatureMatrix("c", 2, 12, Enumerable.Repeat(7.5, 24).ToArray());
        var ramp = new FeatureMatrix("r", 1, 12, Enumerable.Range(0, 12).Select(i => (double)i).ToArray());

        Assert.All(GaussianBlur.Apply(constant, new ImageBlur(1.5, 3, 4)).Values, v => Assert.Equal(7.5, v, 12));
        Assert.Equal(ramp.Values, GaussianBlur.Apply(ramp, new ImageBlur(0, 3, 4)).Values);
    }

    [Fact]
    public void A_shape_that_does_not_hold_the_row_is_an_input_error()
    {
        var error = Assert.Throws<CchInputException>(() => GaussianBlur.Apply(new FeatureMatrix("pixels", 1, 784, new double[784]), new ImageBlur(1, 28, 27)));

        Assert.Contains("756 pixels", error.Message);
        Assert.Contains("784 values", error.Message);
    }

    [Fact]
    public void Progress_counts_blurred_rows_in_blocks_up_to_every_row()
    {
        // 1,000 images of 3×3: blocks of 256 rows, so reports after rows 256, 512, 768 and 1,000.
        var images = new FeatureMatrix("img", 1000, 9, Enumerable.Range(0, 9000).Select(i => (double)(i % 13)).ToArray());
        var progress = new RecordingProgress<int>();

        var blurred = GaussianBlur.Apply(images, new ImageBlur(1, 3, 3), progress);

        Assert.Equal([256, 512, 768, 1000], progress.Reports);
        // Blocks change only when rows are blurred, not what they become: each row as blurred on its own.
        for (var r = 0; r < images.Rows; r += 97)
        {
            var alone = GaussianBlur.Apply(new FeatureMatrix("one", 1, 9, images.Row(r).ToArray()), new ImageBlur(1, 3, 3));
            Assert.Equal(alone.Values, blurred.Row(r).ToArray());
        }
    }

    [Fact]
    public void A_cancelled_blur_stops_between_blocks()
    {
        var images = new FeatureMatrix("img", 1000, 9, new double[9000]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => GaussianBlur.Apply(images, new ImageBlur(1, 3, 3), null, cancelled.Token));
    }
}

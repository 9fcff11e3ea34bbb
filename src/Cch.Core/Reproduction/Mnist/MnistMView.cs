using Cch.Data;

namespace Cch.Reproduction.Mnist;

/// <summary>
/// An MNIST-M-like colour view of grey digits, generated in code: every digit is blended onto its own
/// random colour-and-texture background. MNIST-M (Ganin &amp; Lempitsky 2015, "Unsupervised Domain
/// Adaptation by Backpropagation", ICML, arXiv:1409.7495, §4) blends each MNIST digit with a random
/// patch of a BSDS500 photograph by the absolute difference of every channel, out = |patch − digit|;
/// the photographs are not available here, so the patch is replaced by a synthetic texture and the
/// blend is kept.
/// </summary>
/// <remarks>
/// <para>For image i, a generator seeded from (<c>seed</c>, i) draws (all uniform):</para>
/// <list type="bullet">
/// <item>a base colour b_c ∈ [0, 1] for each channel c = R, G, B;</item>
/// <item>coarse value noise: a 5×5 grid of node values in [−1, 1] per channel, spread over the image and
/// interpolated bilinearly, n_c(y, x);</item>
/// <item>one sinusoidal grating g(y, x) = sin(2π f (x cos θ + y sin θ) + φ) with frequency
/// f ∈ [0.05, 0.25] cycles per pixel, orientation θ ∈ [0, π), phase φ ∈ [0, 2π), and an amplitude
/// a_c ∈ [0, 0.2] per channel.</item>
/// </list>
/// <para>The background is bg_c = clamp(b_c + 0.3·n_c + a_c·g, 0, 1) and the output pixel is
/// |bg_c − d| with d ∈ [0, 1] the digit's intensity (MNIST-M's blend). The result depends only on the
/// seed, the row index and the digit: not on threads or on other rows.</para>
/// </remarks>
public static class MnistMView
{
    /// <summary>Channels of the generated view (R, G, B).</summary>
    public const int Channels = 3;

    /// <summary>Side of the coarse value-noise grid (nodes per row and per column).</summary>
    private const int NoiseNodes = 5;

    /// <summary>Weight of the value noise in the background.</summary>
    private const double NoiseAmplitude = 0.3;

    /// <summary>Largest per-channel amplitude of the grating.</summary>
    private const double GratingAmplitude = 0.2;

    /// <summary>Generates the view of every row of <paramref name="digits"/>.</summary>
    /// <param name="digits">N × H·W grey digits, row-major, intensities in [0, 1] (values outside are clamped).</param>
    /// <param name="height">Image height H in pixels.</param>
    /// <param name="width">Image width W in pixels.</param>
    /// <param name="seed">Seed of the backgrounds.</param>
    /// <returns>N × 3·H·W, each row channel-major (R plane, then G, then B; each plane row-major), values in [0, 1].</returns>
    /// <exception cref="ArgumentException">H·W differs from the number of columns of <paramref name="digits"/>.</exception>
    public static FeatureMatrix Generate(FeatureMatrix digits, int height, int width, int seed)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        if ((long)height * width != digits.Columns)
            throw new ArgumentException($"{height}×{width} images hold {(long)height * width} pixels but '{digits.Name}' has {digits.Columns} values per row.", nameof(digits));
        var plane = height * width;
        var output = new double[(long)digits.Rows * Channels * plane];
        Parallel.For(0, digits.Rows, row => Render(digits.Row(row), output.AsSpan(row * Channels * plane, Channels * plane), height, width, new Random(RowSeed(seed, row))));
        return new FeatureMatrix($"{digits.Name} (MNIST-M-like)", digits.Rows, Channels * plane, output);
    }

    private static void Render(ReadOnlySpan<double> digit, Span<double> target, int height, int width, Random random)
    {
        Span<double> colour = stackalloc double[Channels];
        for (var c = 0; c < Channels; c++) colour[c] = random.NextDouble();
        var nodes = new double[Channels, NoiseNodes, NoiseNodes];
        for (var c = 0; c < Channels; c++)
            for (var i = 0; i < NoiseNodes; i++)
                for (var j = 0; j < NoiseNodes; j++)
                    nodes[c, i, j] = 2 * random.NextDouble() - 1;
        var frequency = 0.05 + 0.2 * random.NextDouble();
        var angle = Math.PI * random.NextDouble();
        var phase = 2 * Math.PI * random.NextDouble();
        Span<double> amplitude = stackalloc double[Channels];
        for (var c = 0; c < Channels; c++) amplitude[c] = GratingAmplitude * random.NextDouble();

        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var plane = height * width;
        for (var y = 0; y < height; y++)
        {
            var gy = (double)y * (NoiseNodes - 1) / (height - 1);
            var y0 = Math.Min((int)gy, NoiseNodes - 2);
            var ty = gy - y0;
            for (var x = 0; x < width; x++)
            {
                var gx = (double)x * (NoiseNodes - 1) / (width - 1);
                var x0 = Math.Min((int)gx, NoiseNodes - 2);
                var tx = gx - x0;
                var grating = Math.Sin(2 * Math.PI * frequency * (x * cos + y * sin) + phase);
                var d = Math.Clamp(digit[y * width + x], 0, 1);
                for (var c = 0; c < Channels; c++)
                {
                    var noise = (1 - ty) * ((1 - tx) * nodes[c, y0, x0] + tx * nodes[c, y0, x0 + 1])
                                + ty * ((1 - tx) * nodes[c, y0 + 1, x0] + tx * nodes[c, y0 + 1, x0 + 1]);
                    var background = Math.Clamp(colour[c] + NoiseAmplitude * noise + amplitude[c] * grating, 0, 1);
                    target[c * plane + y * width + x] = Math.Abs(background - d);
                }
            }
        }
    }

    /// <summary>A 31-bit seed for row <paramref name="row"/>, mixed from (seed, row) with SplitMix64's finaliser.</summary>
    private static int RowSeed(int seed, int row)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)row) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) >> 33);
    }
}

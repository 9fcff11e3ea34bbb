using Cch.Data;

namespace Cch.Encoders;

/// <summary>
/// Separable Gaussian blur of images stored one per row, row-major (N × H·W).
/// </summary>
/// <remarks>
/// The kernel is the sampled Gaussian w(i) ∝ exp(−i²/(2σ²)) for |i| ≤ r = ⌈3σ⌉, normalised to sum
/// to 1 (so a constant image stays constant), applied along rows then columns; pixels beyond the
/// border repeat the nearest edge pixel (clamp). σ = 0 returns the input unchanged. This is the
/// usual definition (e.g. OpenCV's GaussianBlur with BORDER_REPLICATE and a 6σ+1 kernel) and is
/// deterministic: no randomness is involved.
/// </remarks>
public static class GaussianBlur
{
    /// <summary>The normalised 1-D kernel of radius ⌈3σ⌉ (length 2r + 1); [1] for σ = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">σ is negative or not finite.</exception>
    public static double[] Kernel(double sigma)
    {
        if (!(sigma >= 0) || !double.IsFinite(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be a finite number ≥ 0.");
        if (sigma == 0) return [1.0];
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[2 * radius + 1];
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.Exp(-i * i / (2 * sigma * sigma));
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= sum;
        return kernel;
    }

    /// <summary>Blurs every row of <paramref name="images"/> (N × H·W) as an H×W image.</summary>
    /// <param name="images">One image per row, row-major.</param>
    /// <param name="blur">σ, H and W.</param>
    /// <param name="rowsBlurred">Receives the number of rows blurred so far after each block of rows (about 2 % of them), the last report being N; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Checked between blocks of rows.</param>
    /// <returns>A new N × H·W matrix named "<c>name</c> (blur σ=…)".</returns>
    /// <exception cref="CchInputException">H·W differs from the number of columns.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static FeatureMatrix Apply(FeatureMatrix images, ImageBlur blur, IProgress<int>? rowsBlurred = null, CancellationToken cancellationToken = default)
    {
        var (h, w) = (blur.Height, blur.Width);
        if (h < 1 || w < 1 || (long)h * w != images.Columns)
            throw new CchInputException(
                $"--image-shape {h},{w} holds {(long)h * w} pixels but '{images.Name}' has {images.Columns} values per row; give the shape its rows were stored in (e.g. 28,28 for 784).");
        var kernel = Kernel(blur.Sigma);
        var name = $"{images.Name} (blur σ={blur.Sigma.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        if (kernel.Length == 1)
        {
            rowsBlurred?.Report(images.Rows);
            return new FeatureMatrix(name, images.Rows, images.Columns, (double[])images.Values.Clone());
        }

        var output = new double[images.Values.Length];
        // Blocks of rows, each blurred in parallel, so progress and cancellation stay off the per-pixel loops.
        var block = Math.Max(256, images.Rows / 50);
        for (var first = 0; first < images.Rows; first += block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = Math.Min(images.Rows, first + block);
            BlurRows(images.Values, output, first, last, h, w, kernel);
            rowsBlurred?.Report(last);
        }

        return new FeatureMatrix(name, images.Rows, images.Columns, output);
    }

    private static void BlurRows(double[] images, double[] output, int first, int last, int h, int w, double[] kernel)
    {
        var r = kernel.Length / 2;
        Parallel.For(first, last, () => new double[h * w], (row, _, temp) =>
        {
            var src = images.AsSpan(row * h * w, h * w);
            var dst = output.AsSpan(row * h * w, h * w);
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                {
                    var s = 0.0;
                    for (var k = -r; k <= r; k++) s += kernel[k + r] * src[y * w + Math.Clamp(x + k, 0, w - 1)];
                    temp[y * w + x] = s;
                }

            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                {
                    var s = 0.0;
                    for (var k = -r; k <= r; k++) s += kernel[k + r] * temp[Math.Clamp(y + k, 0, h - 1) * w + x];
                    dst[y * w + x] = s;
                }

            return temp;
        }, _ => { });
    }
}

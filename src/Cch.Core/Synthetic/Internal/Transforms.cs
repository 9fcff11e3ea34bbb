using MathNet.Numerics;

namespace Cch.Synthetic.Internal;

/// <summary>
/// The injective maps of bmi's tasks (Czyż et al. 2023; bmi <c>transforms/simple.py</c>,
/// <c>transforms/_rotate.py</c>, <c>transforms/_invert_cdf.py</c>, <c>benchmark/tasks/wiggly.py</c>),
/// and the final per-column rescaling (bmi <c>benchmark/tasks/scaling.py</c>).
/// </summary>
internal static class Transforms
{
    /// <summary>Standard normal CDF Φ(x) = ½·erfc(−x/√2) (= ½(1 + erf(x/√2)), bmi's <c>normal_cdf</c>;
    /// the erfc form keeps relative precision in the lower tail). Strictly increasing.</summary>
    public static double NormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>bmi's <c>half_cube</c>: x·√|x|, the signed x^{3/2}. Strictly increasing.</summary>
    public static double HalfCube(double x) => x * Math.Sqrt(Math.Abs(x));

    /// <summary>asinh x = ln(x + √(x² + 1)) (bmi's asinh task). Strictly increasing.</summary>
    public static double Asinh(double x) => Math.Asinh(x);

    /// <summary>bmi's <c>wiggly_x</c>: x + 0.4 sin x + 0.2 sin(1.7x + 1) + 0.03 sin(3.3x − 2.5).
    /// Strictly increasing: its derivative is ≥ 1 − 0.4 − 0.34 − 0.099 = 0.161.</summary>
    public static double WigglyX(double x) =>
        x + 0.4 * Math.Sin(1.0 * x) + 0.2 * Math.Sin(1.7 * x + 1) + 0.03 * Math.Sin(3.3 * x - 2.5);

    /// <summary>bmi's <c>wiggly_y</c>: x − 0.4 sin(0.4x) + 0.17 sin(1.3x + 3.5) + 0.02 sin(4.3x − 2.5).
    /// Strictly increasing: its derivative is ≥ 1 − 0.16 − 0.221 − 0.086 = 0.533.</summary>
    public static double WigglyY(double x) =>
        x - 0.4 * Math.Sin(0.4 * x) + 0.17 * Math.Sin(1.3 * x + 3.5) + 0.02 * Math.Sin(4.3 * x - 2.5);

    /// <summary>CDF of the X margin of bmi's bimodal task: 0.3·Φ(x) + 0.7·Φ(x − 5).</summary>
    public static double BimodalCdfX(double x) => 0.3 * NormalCdf(x) + 0.7 * NormalCdf(x - 5);

    /// <summary>CDF of the Y margin of bmi's bimodal task: 0.5·Φ(x + 1) + 0.5·Φ(x − 3).</summary>
    public static double BimodalCdfY(double x) => 0.5 * NormalCdf(x + 1) + 0.5 * NormalCdf(x - 3);

    /// <summary>
    /// The inverse of a strictly increasing <paramref name="f"/> at <paramref name="target"/> by bisection,
    /// as bmi's <c>invert_mono</c>: start from [min, max] = [−10, 10]; while the bracket is wider than
    /// <paramref name="delta"/> = 1e-12 and its midpoint lies strictly inside, keep the half where
    /// f(mid) &lt; target goes left; return the final midpoint. Values whose preimage lies outside the
    /// bracket come back clamped to its ends (as in bmi).
    /// </summary>
    public static double InvertIncreasing(Func<double, double> f, double target, double min = -10.0, double max = 10.0, double delta = 1e-12)
    {
        var x0 = min;
        var x1 = max;
        while (true)
        {
            var xm = (x0 + x1) / 2;
            if (!(Math.Abs(x1 - x0) > delta && x1 > xm && xm > x0)) break;
            if (f(xm) < target) x0 = xm;
            else x1 = xm;
        }

        return (x0 + x1) / 2;
    }

    /// <summary>
    /// bmi's <c>Spiral</c> with the canonical so(n) generator A (A[i,j] = −1, A[j,i] = 1, i &lt; j):
    /// x ↦ exp(speed·‖x‖²·A)·x, which is the rotation by θ = speed·‖x‖² in the (i, j) plane:
    /// x_i ← x_i cos θ − x_j sin θ, x_j ← x_i sin θ + x_j cos θ. Applied in place to every row of a
    /// row-major N×<paramref name="dim"/> array. A bijection (the rotation keeps ‖x‖, so the inverse
    /// rotates by −speed·‖x‖²).
    /// </summary>
    public static void Spiral(double[] values, int dim, int i, int j, double speed)
    {
        for (var row = 0; row < values.Length / dim; row++)
        {
            var x = values.AsSpan(row * dim, dim);
            var r2 = 0.0;
            for (var k = 0; k < dim; k++) r2 += x[k] * x[k];
            var (sin, cos) = Math.SinCos(speed * r2);
            var a = x[i];
            var b = x[j];
            x[i] = cos * a - sin * b;
            x[j] = sin * a + cos * b;
        }
    }

    /// <summary>
    /// bmi's <c>swissroll2d</c> for u ∈ (0, 1): t = 1.5π(1 + 2u), (t cos t, t sin t)/21. Injective on
    /// (0, 1): t is increasing and ‖output‖ = t/21.
    /// </summary>
    public static (double A, double B) SwissRoll(double u)
    {
        var t = 1.5 * Math.PI * (1 + 2 * u);
        return (t * Math.Cos(t) / 21.0, t * Math.Sin(t) / 21.0);
    }

    /// <summary>
    /// Rescales every column of a row-major N×d array in place to zero mean and unit population
    /// variance (scikit-learn's <c>preprocessing.scale</c>, used by bmi's <c>transform_rescale</c>); a
    /// column with zero variance is only centred. Sums run in row order.
    /// </summary>
    public static void RescaleColumns(double[] values, int rows, int columns)
    {
        for (var c = 0; c < columns; c++)
        {
            var mean = 0.0;
            for (var r = 0; r < rows; r++) mean += values[r * columns + c];
            mean /= rows;
            var ss = 0.0;
            for (var r = 0; r < rows; r++)
            {
                var d = values[r * columns + c] - mean;
                ss += d * d;
            }

            var sd = Math.Sqrt(ss / rows);
            var scale = sd > 0 ? 1.0 / sd : 1.0;
            for (var r = 0; r < rows; r++) values[r * columns + c] = (values[r * columns + c] - mean) * scale;
        }
    }
}

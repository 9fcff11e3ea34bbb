namespace Cch.Synthetic.Internal;

/// <summary>
/// Draws <paramref name="n"/> joint samples from <paramref name="random"/>: X row-major N×d_x and Y
/// row-major N×d_y, before any rescaling.
/// </summary>
internal delegate (double[] X, double[] Y) RawContinuousSampler(int n, Random random);

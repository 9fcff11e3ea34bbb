namespace Cch.Synthetic.Internal;

/// <summary>
/// Draws <paramref name="n"/> joint samples from <paramref name="random"/>: X row-major N×d and the
/// class index 0..C−1 of each row.
/// </summary>
internal delegate (double[] X, int[] Classes) RawLabelSampler(int n, Random random);
